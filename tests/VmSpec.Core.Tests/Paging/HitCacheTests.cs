using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Core.Tlb;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

/// <summary>
/// The hit cache in front of the TLB, case by case: after each change that could leave one of its
/// lines stale, a load must see what translating and then reading RAM sees.
/// </summary>
public sealed class HitCacheTests
{
    private const ulong Va = 0x4000_1000;
    private const ulong Frame = Ram + 0x10_0000;

    private static Sv39Mmu Mapped(PteFlags flags = UserRwAd, MachineOptions? options = null)
    {
        var mmu = Sv39(options);
        AssertOk(mmu.Map(Va, Frame, 4096, flags));
        return mmu;
    }

    private static ulong LoadValue(IMmu mmu, ulong va)
    {
        var result = mmu.Load(Access.Read(va));
        Assert.That(result.IsFault, Is.False, result.Translation.ToString());
        return result.Value;
    }

    [Test]
    public void A_page_of_untouched_ram_reads_what_is_written_to_it_later()
    {
        var mmu = Mapped();
        Assert.That(LoadValue(mmu, Va + 8), Is.Zero, "the frame has no backing yet");

        mmu.Machine.Memory.TryWrite(Frame + 8, 8, 0x1234);

        Assert.That(LoadValue(mmu, Va + 8), Is.EqualTo(0x1234UL));
        Assert.That(mmu.Counters.TlbHits, Is.EqualTo(1), "the second load still hits");
    }

    [Test]
    public void A_frame_zeroed_under_a_cached_page_reads_zero()
    {
        var mmu = Mapped();
        mmu.Store(Access.Write(Va + 16), 0xBEEF);
        Assert.That(LoadValue(mmu, Va + 16), Is.EqualTo(0xBEEFUL));

        mmu.Machine.Memory.ZeroFrame(Frame);

        Assert.That(LoadValue(mmu, Va + 16), Is.Zero);
    }

    [Test]
    public void A_frame_copied_onto_a_cached_page_reads_the_copy()
    {
        var mmu = Mapped();
        mmu.Store(Access.Write(Va), 1);
        mmu.Machine.Memory.TryWrite(Frame + 0x2000, 8, 2);

        mmu.Machine.Memory.CopyFrame(Frame + 0x2000, Frame);

        Assert.That(LoadValue(mmu, Va), Is.EqualTo(2UL));
    }

    [Test]
    public void A_zeroed_frame_copied_onto_a_cached_page_reads_zero()
    {
        var mmu = Mapped();
        mmu.Store(Access.Write(Va), 1);
        mmu.Machine.Memory.ZeroFrame(Frame + 0x2000);

        mmu.Machine.Memory.CopyFrame(Frame + 0x2000, Frame);

        Assert.That(LoadValue(mmu, Va), Is.Zero);
    }

    [Test]
    public void A_store_lands_in_ram_and_a_store_to_untouched_ram_backs_the_frame()
    {
        var mmu = Mapped();
        mmu.Load(Access.Read(Va));

        Assert.That(mmu.Store(Access.Write(Va + 24), 0x55, 1).IsFault, Is.False);
        Assert.That(mmu.Store(Access.Write(Va + 25), 0x66, 1).IsFault, Is.False);

        Assert.That(mmu.Machine.Memory.TryRead(Frame + 24, 2, out var value) ? value : 0, Is.EqualTo(0x6655UL));
        Assert.That(mmu.Machine.Memory.BackedBytes, Is.GreaterThan(0));
    }

    [Test]
    public void A_page_cached_in_one_address_space_is_not_used_in_another()
    {
        var mmu = Mapped();
        mmu.Load(Access.Read(Va));
        mmu.Load(Access.Read(Va));

        AssertOk(mmu.SwitchAddressSpace(1));
        AssertFault(mmu.Load(Access.Read(Va)).Translation, FaultKind.LoadPageFault, FaultReason.Invalid, level: 2);

        AssertOk(mmu.SwitchAddressSpace(0));
        Assert.That(mmu.Load(Access.Read(Va)).Translation.TlbHit, Is.True, "the tagged entry survived both switches");
    }

    [Test]
    public void A_page_cached_in_one_address_space_is_not_used_after_a_switch_to_another_that_exists()
    {
        // Space 1 and its tables exist before the page is cached, and the frame is backed, so the
        // switch back to space 1 is the only change after the line is filled.
        var mmu = Mapped();
        AssertOk(mmu.SwitchAddressSpace(1));
        AssertOk(mmu.SwitchAddressSpace(0));
        mmu.Machine.Memory.TryWrite(Frame, 8, 0);
        mmu.Load(Access.Read(Va));
        Assert.That(mmu.Load(Access.Read(Va)).Translation.TlbHit, Is.True);

        AssertOk(mmu.SwitchAddressSpace(1));

        AssertFault(mmu.Load(Access.Read(Va)).Translation, FaultKind.LoadPageFault, FaultReason.Invalid, level: 2);
    }

    [Test]
    public void A_stale_entry_keeps_answering_loads_until_sfence()
    {
        var mmu = Mapped();
        mmu.Store(Access.Write(Va), 7);
        AssertOk(mmu.Unmap(Va, 4096));

        Assert.That(LoadValue(mmu, Va), Is.EqualTo(7UL));

        mmu.Sfence(Va, null);
        AssertFault(mmu.Load(Access.Read(Va)).Translation, FaultKind.LoadPageFault, FaultReason.Invalid, level: 0);
    }

    [Test]
    public void A_store_to_a_clean_page_walks_to_set_dirty_even_after_loads_hit()
    {
        var mmu = Mapped(PteFlags.R | PteFlags.W | PteFlags.U | PteFlags.A);
        // Backing the frame first, so that no change of its backing stales the line the loads fill.
        mmu.Machine.Memory.TryWrite(Frame, 8, 0);
        mmu.Load(Access.Read(Va));
        Assert.That(mmu.Load(Access.Read(Va)).Translation.TlbHit, Is.True);
        Assert.That(mmu.Load(Access.Read(Va)).Translation.TlbHit, Is.True);

        var store = mmu.Store(Access.Write(Va), 1);

        Assert.That(store.Translation.TlbHit, Is.False);
        Assert.That(new Pte(ReadPte(mmu, mmu.FindLeaf(Va).PteAddress)).D, Is.True);
        Assert.That(mmu.Store(Access.Write(Va), 2).Translation.TlbHit, Is.True, "the entry walked for the store has D");
    }

    [Test]
    public void A_load_the_hit_cache_answers_marks_its_entry_used()
    {
        // Two entries for three pages, frames backed beforehand so that no line goes stale on its
        // own. A and B hit once each through the TLB, which fills their lines, B last; A's next
        // load is answered by its line and must make A the most recently used, so C evicts B.
        const ulong a = Va, b = Va + 0x1000, c = Va + 0x2000;
        var mmu = Sv39(new MachineOptions { Tlb = new TlbOptions(Entries: 2) });
        foreach (var (va, i) in new[] { a, b, c }.Select((va, i) => (va, (ulong)i)))
        {
            AssertOk(mmu.Map(va, Frame + i * 0x1000, 4096, UserRwAd));
            mmu.Machine.Memory.TryWrite(Frame + i * 0x1000, 8, i);
        }
        foreach (var va in new[] { a, b, a, b })
            mmu.Load(Access.Read(va));

        Assert.That(mmu.Load(Access.Read(a)).Translation.TlbHit, Is.True);
        mmu.Load(Access.Read(c));

        Assert.That(mmu.Load(Access.Read(a)).Translation.TlbHit, Is.True, "A was used after B");
        Assert.That(mmu.Load(Access.Read(b)).Translation.TlbHit, Is.False, "B was the least recently used");
    }

    [Test]
    public void An_access_overriding_sum_is_judged_by_the_override()
    {
        var mmu = Mapped();
        mmu.Load(Access.Read(Va));

        var denied = mmu.Load(new Access(Va, AccessType.Read, PrivilegeMode.Supervisor, Sum: false));
        var allowed = mmu.Load(new Access(Va, AccessType.Read, PrivilegeMode.Supervisor, Sum: true));

        AssertFault(denied.Translation, FaultKind.LoadPageFault, FaultReason.Permission);
        Assert.That(allowed.IsFault, Is.False);
    }

    [Test]
    public void An_override_that_clears_the_machines_sum_or_mxr_is_not_answered_by_a_line_filled_under_it()
    {
        // The machine sets SUM and MXR, so a supervisor read of this user, execute-only page is
        // allowed and its line filled; the same read with either bit cleared must be refused.
        var mmu = Mapped(PteFlags.X | PteFlags.U | PteFlags.A, new MachineOptions { Sv39 = new Sv39Options(Sum: true, Mxr: true) });
        mmu.Machine.Memory.TryWrite(Frame, 8, 0);
        var read = new Access(Va, AccessType.Read, PrivilegeMode.Supervisor);
        mmu.Load(read);
        Assert.That(mmu.Load(read).Translation.TlbHit, Is.True);

        AssertFault(mmu.Load(read with { Sum = false }).Translation, FaultKind.LoadPageFault, FaultReason.Permission);
        AssertFault(mmu.Load(read with { Mxr = false }).Translation, FaultKind.LoadPageFault, FaultReason.Permission);
    }

    [Test]
    public void A_page_mapped_outside_ram_is_a_load_access_fault_each_time()
    {
        var mmu = Sv39();
        var outside = mmu.Machine.Memory.End;
        AssertOk(mmu.Map(Va, outside, 4096, UserRwAd));

        var first = mmu.Load(Access.Read(Va));
        var second = mmu.Load(Access.Read(Va));

        AssertFault(first.Translation, FaultKind.LoadAccessFault, FaultReason.OutsideRam);
        AssertFault(second.Translation, FaultKind.LoadAccessFault, FaultReason.OutsideRam);
        Assert.That((second.Translation.TlbHit, second.Translation.PhysicalAddress), Is.EqualTo((true, outside)));
        Assert.That((mmu.Counters.TlbHits, mmu.Counters.TlbMisses), Is.EqualTo((1L, 1L)));
    }

    [Test]
    public void A_load_inside_a_superpage_reads_the_4_KiB_frame_it_falls_in()
    {
        // A megapage's line is by 4 KiB page: the page 0x3000 into it reads the frame 0x3000 into
        // the megapage's frames, not the first of them.
        const ulong region = 0x4020_0000, megaFrame = Ram + 0x20_0000;
        var mmu = Sv39();
        AssertOk(mmu.Map(region, megaFrame, 2UL << 20, UserRwAd));
        mmu.Machine.Memory.TryWrite(megaFrame + 8, 8, 0x1111);
        mmu.Machine.Memory.TryWrite(megaFrame + 0x3008, 8, 0x3333);
        mmu.Load(Access.Read(region + 0x3008));

        var loads = Enumerable.Range(0, 2).Select(_ => mmu.Load(Access.Read(region + 0x3008))).ToList();

        Assert.That(loads.Select(load => (load.Translation.TlbHit, load.Translation.PageSize, load.Value)),
            Is.All.EqualTo((true, 2UL << 20, 0x3333UL)));
    }

    [Test]
    public void Pages_smaller_than_4_KiB_each_read_their_own_frame()
    {
        // Two 2 KiB pages share one 4 KiB page of addresses but not a frame: a line by 4 KiB page
        // filled from the first would send loads of the second to the first's frame.
        var mmu = SingleLevel(pageSize: 2048);
        AssertOk(mmu.Map(0x1000, Frame, 2048, UserRwAd));
        AssertOk(mmu.Map(0x1800, Frame + 0x2000, 2048, UserRwAd));
        mmu.Machine.Memory.TryWrite(Frame + 8, 8, 0xAAAA);
        mmu.Machine.Memory.TryWrite(Frame + 0x2008, 8, 0xBBBB);
        mmu.Load(Access.Read(0x1008));
        mmu.Load(Access.Read(0x1008));

        Assert.That(LoadValue(mmu, 0x1808), Is.EqualTo(0xBBBBUL));
        Assert.That(LoadValue(mmu, 0x1008), Is.EqualTo(0xAAAAUL));
    }

    [Test]
    public void A_stale_small_page_still_shadows_a_superpage_walked_later()
    {
        // A read-only 4 KiB entry stays cached while the tables change to a writable megapage; a
        // store then walks and caches the megapage, but a lookup still finds the small page first.
        const ulong region = 0x4020_0000;
        var mmu = Sv39();
        AssertOk(mmu.Map(region, Frame, 4096, PteFlags.R | PteFlags.U | PteFlags.A));
        mmu.Load(Access.Read(region));
        AssertOk(mmu.Unmap(region, 4096));
        AssertOk(mmu.WritePte(region, 1, Pte.Leaf((Ram + 0x20_0000) >> 12, UserRwAd).Raw));

        AssertPa(mmu.Translate(Access.Write(region)), Ram + 0x20_0000);

        var load = mmu.Load(Access.Read(region));
        Assert.That((load.Translation.PhysicalAddress, load.Translation.PageSize), Is.EqualTo((Frame, 4096UL)));
    }

    [Test]
    public void A_walk_reads_a_table_frame_as_it_is_now()
    {
        var mmu = Mapped();
        mmu.Load(Access.Read(Va));
        var leafTable = mmu.FindLeaf(Va).PteAddress & ~0xFFFUL;

        mmu.Machine.Memory.ZeroFrame(leafTable);
        mmu.Sfence(null, null);

        AssertFault(mmu.Load(Access.Read(Va)).Translation, FaultKind.LoadPageFault, FaultReason.Invalid, level: 0);
    }
}
