using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Samples.Sv48.Tests.Sv48Kit;

namespace VmSpec.Samples.Sv48.Tests;

/// <summary>
/// Walks with tracing off, as outside the runner (the runner and the other tests trace every walk):
/// what a walk counts and what it caches may not depend on whether it was recorded.
/// </summary>
public class UntracedWalkTests
{
    // VPN[3] = 1, VPN[2] = 2, VPN[1] = 3, VPN[0] = 4, offset 0x567.
    private const ulong Va = (1UL << 39) | (2UL << 30) | (3UL << 21) | (4UL << 12) | 0x567;

    private static Sv48Mmu UntracedMmu() => new(new Machine(new MachineOptions { TraceWalks = false }));

    [Test]
    public void A_base_page_walk_counts_four_PTE_reads_untraced()
    {
        var mmu = UntracedMmu();
        Build(mmu, Va, 0, Leaf(Data, UserRw));

        var t = mmu.Read(Va);

        Assert.That((t.PhysicalAddress, t.Walk), Is.EqualTo((Data + 0x567, (Walk?)null)));
        Assert.That((mmu.Counters.Walks, mmu.Counters.PteReads), Is.EqualTo((1L, 4L)));
    }

    [Test]
    public void A_walk_that_faults_at_level_1_counts_three_PTE_reads_untraced()
    {
        var mmu = UntracedMmu();
        Build(mmu, Va, 1, 0);   // V = 0 at level 1

        Assert.That(mmu.Read(Va).Reason, Is.EqualTo(FaultReason.Invalid));
        Assert.That((mmu.Counters.Walks, mmu.Counters.PteReads), Is.EqualTo((1L, 3L)));
    }

    [Test]
    public void G_on_the_root_pointer_makes_the_leaf_global_untraced()
    {
        var mmu = UntracedMmu();
        Build(mmu, Va, 0, Leaf(Data, UserRw));
        Assert.That(mmu.WritePte(Va, 3, Pointer(TableA) | (ulong)PteFlags.G).IsOk, Is.True);

        mmu.Read(Va);

        Assert.That(mmu.Tlb.Entries.Single().Global, Is.True);
    }
}
