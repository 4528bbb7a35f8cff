using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

/// <summary>What docs/dump-format.md asks of the single-level dump beyond its worked example.</summary>
public sealed class SingleLevelDumpTests
{
    [Test]
    public void An_entry_without_V_that_is_not_zero_is_listed_as_invalid()
    {
        // Every non-zero entry is printed; V=0 gives no detail and the note "invalid".
        var mmu = SingleLevel(pageSize: 16, vaBits: 12);
        AssertOk(mmu.WritePte(0x30, 0, 0xF0));

        Assert.That(mmu.Dump(), Is.EqualTo("""
            single-level asid 0 page 16B va-bits 12 table 0x0000000080fff000 size 0x800
            PT[003] 0x00000000000000f0 DAGU---- (invalid)

            """));
    }
}
