using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

/// <summary>PTE rules both MMUs share, run against each.</summary>
public sealed class SharedPteRuleTests
{
    private const ulong Va = 0x4000_1234;

    private static IEnumerable<PagingMmu> Mmus() => [Sv39(), SingleLevel()];

    [TestCaseSource(nameof(Mmus))]
    public void Write_without_read_is_reserved_even_where_X_would_allow_the_fetch(PagingMmu mmu)
    {
        AssertOk(mmu.WritePte(Va, 0, Leaf(Ram, PteFlags.W | PteFlags.X | PteFlags.U | PteFlags.A | PteFlags.D)));
        AssertOk(mmu.WritePte(Va + 0x1000, 0, Leaf(Ram, PteFlags.Rwx | PteFlags.U | PteFlags.A | PteFlags.D)));

        AssertFault(mmu.Translate(Access.Execute(Va)), FaultKind.InstructionPageFault, FaultReason.Reserved, level: 0);
        AssertPa(mmu.Translate(Access.Execute(Va + 0x1000)), Ram + 0x234);
    }
}
