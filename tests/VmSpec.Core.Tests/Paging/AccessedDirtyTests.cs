using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

/// <summary>Hardware A/D updates land in the PTE in memory; the TLB never lets a store through a clean entry.</summary>
public sealed class AccessedDirtyTests
{
    private const PteFlags UserRw = PteFlags.R | PteFlags.W | PteFlags.U;

    private static IEnumerable<PagingMmu> Mmus() => [Sv39(), SingleLevel()];

    [TestCaseSource(nameof(Mmus))]
    public void Read_sets_A_only_and_store_then_sets_D(PagingMmu mmu)
    {
        AssertOk(mmu.Map(0x5000, Ram, 4096, UserRw));
        var pteAddress = mmu.FindLeaf(0x5000).PteAddress;

        Assert.That(mmu.Translate(Access.Read(0x5008)).IsFault, Is.False);
        Assert.That(new Pte(ReadPte(mmu, pteAddress)).Flags, Is.EqualTo(UserRw | PteFlags.V | PteFlags.A));

        var store = mmu.Translate(Access.Write(0x5008));
        Assert.That(store.TlbHit, Is.False, "a clean cached entry cannot take a store");
        Assert.That(new Pte(ReadPte(mmu, pteAddress)).Flags, Is.EqualTo(UserRw | PteFlags.V | PteFlags.A | PteFlags.D));
        Assert.That(mmu.Translate(Access.Write(0x5010)).TlbHit, Is.True, "the refilled entry is dirty");
    }

    [TestCaseSource(nameof(Mmus))]
    public void Faulting_walk_does_not_set_A(PagingMmu mmu)
    {
        AssertOk(mmu.Map(0x5000, Ram, 4096, PteFlags.R | PteFlags.U));
        var pteAddress = mmu.FindLeaf(0x5000).PteAddress;

        AssertFault(mmu.Translate(Access.Write(0x5000)), FaultKind.StorePageFault, FaultReason.Permission);
        Assert.That(new Pte(ReadPte(mmu, pteAddress)).A, Is.False);
    }

    [Test]
    public void Superpage_leaf_gains_A_and_D()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(0x4020_0000, 0x8020_0000, 2UL << 20, UserRw));

        Assert.That(mmu.Translate(Access.Write(0x4020_0000)).IsFault, Is.False);

        var leaf = mmu.FindLeaf(0x4020_0000);
        Assert.That((leaf.Level, leaf.Pte.A, leaf.Pte.D), Is.EqualTo((1, true, true)));
    }

    [Test]
    public void Svade_faults_leave_the_PTE_as_it_was()
    {
        var mmu = Sv39(AdMode.Fault);
        AssertOk(mmu.Map(0x5000, Ram, 4096, UserRw | PteFlags.A));
        var before = mmu.FindLeaf(0x5000).Pte;

        AssertFault(mmu.Translate(Access.Write(0x5000)), FaultKind.StorePageFault, FaultReason.NotDirty);
        Assert.That(mmu.FindLeaf(0x5000).Pte, Is.EqualTo(before));
        Assert.That(mmu.Tlb.Count, Is.Zero);
    }
}
