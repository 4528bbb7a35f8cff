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

    [Test]
    public void A_W_only_entry_is_a_leaf_with_its_range_and_the_reserved_note()
    {
        // V=1 with any of R, W, X is a leaf and shows its range, even where a walk would refuse it.
        // PPN 0x800_0005 (pa 0x8000_0050 >> 4) << 10 = 0x20_0000_1400, with W and V: 0x20_0000_1405.
        var mmu = SingleLevel(pageSize: 16, vaBits: 12);
        AssertOk(mmu.WritePte(0x40, 0, 0x20_0000_1405));

        Assert.That(mmu.Dump(), Is.EqualTo("""
            single-level asid 0 page 16B va-bits 12 table 0x0000000080fff000 size 0x800
            PT[004] 0x0000002000001405 -----W-V 0x0000000000000040..0x000000000000004f -> 0x0000000080000050..0x000000008000005f 16B (reserved: W without R)

            """));
    }
}
