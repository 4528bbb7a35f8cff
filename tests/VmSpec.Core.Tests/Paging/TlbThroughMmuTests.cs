using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Core.Tlb;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

/// <summary>The TLB as scenarios see it through an MMU: hits, misses, stale entries and the sfence forms.</summary>
public sealed class TlbThroughMmuTests
{
    private const ulong Va = 0x4000_1000;
    private const ulong Other = 0x4000_2000;

    private static Sv39Mmu Mapped(MachineOptions? options = null)
    {
        var mmu = Sv39(options);
        AssertOk(mmu.Map(Va, Ram, 4096, UserRwAd));
        AssertOk(mmu.Map(Other, Ram + 0x1000, 4096, UserRwAd | PteFlags.G));
        return mmu;
    }

    [Test]
    public void Miss_walks_and_the_repeat_hits_without_a_walk()
    {
        var mmu = Mapped(Traced);

        var miss = mmu.Translate(Access.Read(Va));
        var hit = mmu.Translate(Access.Read(Va + 8));

        Assert.That((miss.TlbHit, miss.Walk is null), Is.EqualTo((false, false)));
        Assert.That((hit.TlbHit, hit.Walk is null, hit.Level, hit.PhysicalAddress), Is.EqualTo((true, true, 0, Ram + 8)));
        var c = mmu.Counters;
        Assert.That((c.TlbHits, c.TlbMisses, c.Walks, c.PteReads), Is.EqualTo((1L, 1L, 1L, 3L)));
    }

    [Test]
    public void Faulting_walk_caches_nothing()
    {
        var mmu = Mapped();

        mmu.Translate(Access.Read(0x7000));
        mmu.Translate(Access.Read(0x7000));

        Assert.That(mmu.Tlb.Count, Is.Zero);
        Assert.That(mmu.Counters.Walks, Is.EqualTo(2));
    }

    [Test]
    public void Stale_entry_hits_after_unmap_until_sfence()
    {
        var mmu = Mapped();
        mmu.Translate(Access.Read(Va));
        AssertOk(mmu.Unmap(Va, 4096));

        Assert.That(mmu.Translate(Access.Read(Va)).TlbHit, Is.True, "edits never touch the TLB");
        mmu.Sfence(Va, null);
        AssertFault(mmu.Translate(Access.Read(Va)), FaultKind.LoadPageFault, FaultReason.Invalid, level: 0);
    }

    [Test]
    public void Sfence_of_one_page_keeps_the_others()
    {
        var mmu = Mapped();
        mmu.Translate(Access.Read(Va));
        mmu.Translate(Access.Read(Other));

        mmu.Sfence(Va, null);

        Assert.That(mmu.Translate(Access.Read(Va)).TlbHit, Is.False);
        Assert.That(mmu.Translate(Access.Read(Other)).TlbHit, Is.True);
    }

    [Test]
    public void Sfence_of_an_ASID_keeps_global_entries()
    {
        var mmu = Mapped();
        mmu.Translate(Access.Read(Va));
        mmu.Translate(Access.Read(Other));

        mmu.Sfence(null, 0);

        Assert.That(mmu.Translate(Access.Read(Va)).TlbHit, Is.False);
        Assert.That(mmu.Translate(Access.Read(Other)).TlbHit, Is.True);
    }

    [Test]
    public void Tagged_entries_survive_a_switch_and_do_not_leak_into_the_other_space()
    {
        var mmu = Mapped();
        mmu.Translate(Access.Read(Va));
        mmu.Translate(Access.Read(Other));

        AssertOk(mmu.SwitchAddressSpace(1));
        AssertFault(mmu.Translate(Access.Read(Va)), FaultKind.LoadPageFault, FaultReason.Invalid, level: 2);
        Assert.That(mmu.Translate(Access.Read(Other)).TlbHit, Is.True, "a global entry serves every ASID");

        AssertOk(mmu.SwitchAddressSpace(0));
        Assert.That(mmu.Translate(Access.Read(Va)).TlbHit, Is.True);
    }

    [Test]
    public void Untagged_TLB_is_flushed_by_a_switch()
    {
        var mmu = Mapped(new MachineOptions { Tlb = new TlbOptions(AsidTagged: false) });
        mmu.Translate(Access.Read(Va));

        AssertOk(mmu.SwitchAddressSpace(1));
        AssertOk(mmu.SwitchAddressSpace(0));

        Assert.That(mmu.Translate(Access.Read(Va)).TlbHit, Is.False);
    }

    [Test]
    public void Inserted_entry_carries_the_leaf_as_written_back()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(Va, Ram, 4096, PteFlags.R | PteFlags.U | PteFlags.G));

        mmu.Translate(Access.Read(Va));

        Assert.That(mmu.Tlb.Entries.Single(), Is.EqualTo(new TlbEntry(Va >> 12, 12, 0, true, Ram,
            PteFlags.V | PteFlags.R | PteFlags.U | PteFlags.G | PteFlags.A, 0)));
    }

    [Test]
    public void Load_and_store_move_data_through_the_translation()
    {
        var mmu = Mapped();

        Assert.That(mmu.Store(Access.Write(Va + 0x10), 0x1122_3344_5566_7788).IsFault, Is.False);

        Assert.That(mmu.Load(Access.Read(Va + 0x10), 4).Value, Is.EqualTo(0x5566_7788UL));
        Assert.That(mmu.Machine.Memory.TryRead(Ram + 0x10, 8, out var raw) ? raw : 0, Is.EqualTo(0x1122_3344_5566_7788UL));
    }
}
