using VmSpec.Core.Kernel;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Kernel.TestKernels;
using OsKernel = VmSpec.Core.Kernel.Kernel;

namespace VmSpec.Core.Tests.Kernel;

/// <summary>
/// With swap, a fault or a call that needs frames gets them while anything can be reclaimed: a COW
/// write to a page in swap costs one frame (the writer's copy), not two, and the page tables left
/// empty by evicted pages are taken back once no page can be evicted. RAM sizes are chosen so that
/// every frame is accounted for by hand.
/// </summary>
[TestFixtureSource(typeof(TestKernels), nameof(Kinds))]
public sealed class SwapReclaimTests(string kind)
{
    private const ulong Swap = 1UL << 20;
    private const ulong PageBytes = TestKernels.Page;

    [Test]
    public void A_copy_on_write_page_in_swap_is_copied_from_its_slot_with_one_frame()
    {
        // sv39: kernel 2 + pid 1 3 + page m 1 + pid 2 3 (root and the clock page's path, which m
        // shares, being in the 2 MiB below the clock page) = 9 frames.
        // single-level (24 va-bits): kernel 9 + pid 1 8 + page m 1 + pid 2 8 = 26 frames.
        var (kernel, m) = ForkedWithOnePageWritten(spareFrames: 0, pages: 2);
        Assert.That(kernel.Free(), Is.Zero);

        // The only resident page goes to swap (still held by both), and m+1 page takes its frame.
        kernel.Store(1, m + PageBytes, 8, 8).Ok();
        Assert.That((kernel.Free(), kernel.EvictablePages, kernel.Stats().SwapSlotsUsed), Is.EqualTo((0L, 1, 1L)));

        // The child's write needs one frame for its copy: evicting m+1 page gives it.
        kernel.Store(2, m, 8, 70).Ok();

        Assert.That(kernel.Load(2, m).Ok(), Is.EqualTo(70));
        Assert.That(kernel.Load(1, m).Ok(), Is.EqualTo(7));
        Assert.That(kernel.Load(1, m + PageBytes).Ok(), Is.EqualTo(8));
        var faults = kernel.Stats().Faults;
        Assert.That((faults.CowCopy, faults.Kill), Is.EqualTo((1L, 0L)));
        ExitAll(kernel, 1, 2);
    }

    [Test]
    public void A_write_that_copies_a_page_another_process_brought_back_counts_one_copy_and_no_minor_fault()
    {
        // The frames of the test above and one more: RAM is full once the parent has touched m and
        // m+1 page. Touching m+2 page then evicts m, first in the clock's ring (shared, in swap, with
        // no leaf in either process).
        var (kernel, m) = ForkedWithOnePageWritten(spareFrames: 1, pages: 3);
        kernel.Store(1, m + PageBytes, 8, 8).Ok();
        kernel.Store(1, m + 2 * PageBytes, 8, 9).Ok();
        var start = kernel.Stats().Faults;

        // The child reads m back in: in memory again, with a leaf in the child only.
        Assert.That(kernel.Load(2, m).Ok(), Is.EqualTo(7));
        var before = kernel.Stats().Faults;
        Assert.That(before.SwapIn - start.SwapIn, Is.EqualTo(1), "m came back from swap");

        // The parent's write finds m in memory but shared: one fault, resolved by a copy.
        kernel.Store(1, m, 8, 71).Ok();

        var after = kernel.Stats().Faults;
        Assert.That((after.CowCopy - before.CowCopy, after.Minor - before.Minor), Is.EqualTo((1L, 0L)));
        Assert.That((kernel.Load(1, m).Ok(), kernel.Load(2, m).Ok()), Is.EqualTo((71UL, 7UL)));
        ExitAll(kernel, 1, 2);
    }

    [Test]
    public void An_access_that_runs_onto_the_next_page_gives_both_pages_their_second_chance()
    {
        // 16 frames on Sv39 and 32 on single-level leave n free after the spawn, and each page of
        // a mapping just below the clock page costs one frame.
        var kernel = Create(kind, ramSize: (kind == MmuKinds.Sv39 ? 16UL : 32UL) * PageBytes, swapBytes: Swap);
        kernel.Spawn(1, null).Ok();
        var n = (ulong)kernel.Free();
        var m = kernel.Mmap(1, (n + 2) * PageBytes, PteFlags.Rw, shared: false).Ok();
        for (var page = 0UL; page < n; page++)
            kernel.Store(1, m + page * PageBytes, 8, page).Ok();
        // RAM is full: the clock clears every bit and evicts page 0, leaving the hand at page 1.
        kernel.Store(1, m + n * PageBytes, 8, n).Ok();

        // Read across the boundary between pages 1 and 2: the access uses both.
        kernel.Load(1, m + 2 * PageBytes - 4).Ok();
        // The hand passes pages 1 and 2, referenced again, and takes page 3.
        kernel.Store(1, m + (n + 1) * PageBytes, 8, n + 1).Ok();

        Assert.That(kernel.Load(1, m + 2 * PageBytes).Ok(), Is.EqualTo(2));
        Assert.That(kernel.Stats().PagesSwappedIn, Is.Zero, "page 2 stayed in memory");
        Assert.That(kernel.Load(1, m + 3 * PageBytes).Ok(), Is.EqualTo(3));
        Assert.That(kernel.Stats().PagesSwappedIn, Is.EqualTo(1), "page 3 came back from swap");
        ExitAll(kernel, 1);
    }

    [Test]
    public void A_page_held_in_its_frame_for_a_page_crossing_fault_may_be_evicted_once_it_is_served()
    {
        var kernel = Create(kind, ramSize: (kind == MmuKinds.Sv39 ? 16UL : 32UL) * PageBytes, swapBytes: Swap);
        kernel.Spawn(1, null).Ok();
        var n = (ulong)kernel.Free();
        var m = kernel.Mmap(1, (n + 1) * PageBytes, PteFlags.Rw, shared: false).Ok();
        // Pages 0 and 1 both fault in one store across their boundary: page 0 is made first, and
        // stays in its frame while page 1's fault is served.
        kernel.Store(1, m + PageBytes - 4, 8, 0x0102_0304_0506_0708).Ok();
        for (var page = 2UL; page < n; page++)
            kernel.Store(1, m + page * PageBytes, 8, page).Ok();

        // RAM is full: the clock clears every bit and takes page 0, first in its ring.
        kernel.Store(1, m + n * PageBytes, 8, n).Ok();

        Assert.That(kernel.Load(1, m + PageBytes - 4, 4).Ok(), Is.EqualTo(0x0506_0708));
        Assert.That(kernel.Stats().PagesSwappedIn, Is.EqualTo(1), "page 0 was the page evicted");
        ExitAll(kernel, 1);
    }

    /// <summary>
    /// Pid 1 with a private mapping of <paramref name="pages"/> pages, the first (m) holding 7, forked
    /// into pid 2, in a RAM of the frames that takes (the sums above) and <paramref name="spareFrames"/> more.
    /// </summary>
    private (OsKernel Kernel, ulong M) ForkedWithOnePageWritten(ulong spareFrames, ulong pages)
    {
        var kernel = Create(kind, ramSize: ((kind == MmuKinds.Sv39 ? 9UL : 26UL) + spareFrames) * PageBytes, swapBytes: Swap);
        kernel.Spawn(1, null).Ok();
        var m = kernel.Mmap(1, pages * PageBytes, PteFlags.Rw, shared: false).Ok();
        kernel.Store(1, m, 8, 7).Ok();
        kernel.Fork(1, 2).Ok();
        return (kernel, m);
    }

    internal static void ExitAll(OsKernel kernel, params int[] pids)
    {
        foreach (var pid in pids)
            kernel.Exit(pid).Ok();
        kernel.AssertOnlyKernelFramesUsed();
        Assert.That(kernel.Stats().SwapSlotsUsed, Is.Zero);
    }
}

/// <summary>
/// Taking back page tables, on Sv39 (a single-level table is one block per space: there is nothing
/// to take back short of the whole space). Evicting a page leaves the L1 and L0 tables that mapped
/// it; once no page can be evicted, the reclaimer gives the space with the most table frames new
/// tables holding only its clock page's leaf.
/// </summary>
public sealed class SwapTableReclaimTests
{
    private const ulong Swap = 1UL << 20;
    private const ulong PageBytes = TestKernels.Page;

    /// <summary>
    /// 12 frames: kernel 2, pid 1 3 + heap page (holding 5) + its L1 and L0 = 8, pid 2 3 + page m
    /// (holding 9) of a two-page private mapping = 12. RAM is full.
    /// </summary>
    /// <param name="afterAnExit">First spawn a process and exit it, so that pid 1 gets the ASID it had.</param>
    private static (OsKernel Kernel, ulong M) RamFullOfTwoProcesses(bool afterAnExit = false)
    {
        var kernel = Create(MmuKinds.Sv39, ramSize: 12 * PageBytes, swapBytes: Swap);
        if (afterAnExit)
        {
            kernel.Spawn(9, null).Ok();
            kernel.Exit(9).Ok();
        }
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, (long)PageBytes).Ok();
        kernel.Store(1, DefaultBreak, 8, 5).Ok();
        kernel.Spawn(2, null).Ok();
        var m = kernel.Mmap(2, 2 * PageBytes, PteFlags.Rw, shared: false).Ok();
        kernel.Store(2, m, 8, 9).Ok();
        return (kernel, m);
    }

    [Test]
    public void A_fault_takes_back_the_page_tables_that_evicted_pages_left_empty()
    {
        var (kernel, m) = RamFullOfTwoProcesses();
        Assert.That(kernel.Free(), Is.Zero);

        // The clock evicts pid 1's heap page; its L1 and L0 stay, empty.
        kernel.Store(2, m + PageBytes, 8, 10).Ok();
        // pid 2's heap page: m, m+1 page and the new page itself go to swap to make room for its tables,
        // so it ends in swap, unmapped, and the tables are given back by the failed edit: 2 frames free.
        kernel.Sbrk(2, (long)PageBytes).Ok();
        kernel.Load(2, m).Ok();
        Assert.That((kernel.Free(), kernel.EvictablePages), Is.EqualTo((1L, 1)));
        Assert.That(kernel.Stats().TableFramesByPid[1], Is.EqualTo(5));

        // Swapping pid 2's heap page in takes the free frame, its L1 and L0 need 2 more: m gives one,
        // and pid 1's empty heap tables give two.
        Assert.That(kernel.Load(2, DefaultBreak).Ok(), Is.Zero);

        var stats = kernel.Stats();
        Assert.That(stats.Faults.Kill, Is.Zero);
        Assert.That(stats.TableFramesByPid[1], Is.EqualTo(3), "pid 1 keeps its root and the clock page's path");
        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(5));
        Assert.That(kernel.Load(2, m).Ok(), Is.EqualTo(9));
        Assert.That(kernel.Load(2, m + PageBytes).Ok(), Is.EqualTo(10));
        SwapReclaimTests.ExitAll(kernel, 1, 2);
    }

    [Test]
    public void A_fork_takes_back_empty_tables_instead_of_running_out_of_memory()
    {
        var (kernel, m) = RamFullOfTwoProcesses();
        kernel.Store(2, m + PageBytes, 8, 10).Ok(); // evicts pid 1's heap page; its L1 and L0 stay
        Assert.That((kernel.Free(), kernel.EvictablePages), Is.EqualTo((0L, 2)));

        // The child needs 3 frames (root, and L1 and L0 for the clock page): the 2 resident pages
        // give two, and pid 1's empty heap tables the rest.
        kernel.Fork(1, 3).Ok();

        var stats = kernel.Stats();
        Assert.That((stats.TableTrims, stats.TableFramesByPid[1], stats.TableFramesByPid[3]), Is.EqualTo((1L, 3L, 3L)));
        Assert.That(kernel.Free(), Is.EqualTo(1));
        kernel.Exit(2).Ok();
        Assert.That(kernel.Load(3, DefaultBreak).Ok(), Is.EqualTo(5));
        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(5));
        SwapReclaimTests.ExitAll(kernel, 1, 3);
    }

    [Test]
    public void Tables_are_taken_back_from_the_live_space_that_reuses_an_exited_process_s_asid()
    {
        // As above, but pid 1 runs under the ASID an exited process had: the space that is gone must
        // be neither measured nor rebuilt in its place.
        var (kernel, m) = RamFullOfTwoProcesses(afterAnExit: true);
        kernel.Store(2, m + PageBytes, 8, 10).Ok();

        kernel.Fork(1, 3).Ok();

        var stats = kernel.Stats();
        Assert.That((stats.TableTrims, stats.TableFramesByPid[1], stats.TableFramesByPid[3]), Is.EqualTo((1L, 3L, 3L)));
        Assert.That(kernel.Load(1, kernel.ClockAddress).Ok(), Is.Zero, "pid 1 keeps its clock page's leaf");
        kernel.Exit(2).Ok();
        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(5));
        SwapReclaimTests.ExitAll(kernel, 1, 3);
    }

    [Test]
    public void Of_two_spaces_with_as_many_tables_the_one_trimmed_longer_ago_goes_first()
    {
        // 14 frames: kernel 2 + for each of pid 1 and pid 2, 3 tables + a heap page + its L1 and L0.
        // Swap holds two pages.
        var kernel = Create(MmuKinds.Sv39, ramSize: 14 * PageBytes, swapBytes: 2 * PageBytes);
        foreach (var pid in new[] { 1, 2 })
        {
            kernel.Spawn(pid, null).Ok();
            kernel.Sbrk(pid, (long)PageBytes).Ok();
            kernel.Store(pid, DefaultBreak, 8, (ulong)pid).Ok();
        }
        // Two pages near the clock page (no tables) push both heap pages out: swap is full.
        var m = kernel.Mmap(2, 2 * PageBytes, PteFlags.Rw, shared: false).Ok();
        kernel.Store(2, m, 8, 3).Ok();
        kernel.Store(2, m + PageBytes, 8, 4).Ok();
        Assert.That((kernel.Free(), kernel.Stats().SwapSlotsUsed), Is.EqualTo((0L, 2L)));

        // Pid 1's heap page comes back: with no slot to evict to, the tables go, from pid 1 on a
        // tie with nobody trimmed yet (the earlier created); its L1 and L0 are then made again,
        // the second by evicting one of the pages at m, which fills swap again.
        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(1));
        Assert.That(kernel.Stats().TableTrims, Is.EqualTo(1));
        Assert.That(kernel.Stats().TableFramesByPid.Values, Is.EqualTo(new[] { 5L, 5L }));

        // Bringing that page back needs a frame: a tie again, and now pid 2, never trimmed, goes.
        Assert.That(kernel.Load(2, m).Ok(), Is.EqualTo(3));
        Assert.That(kernel.Load(2, m + PageBytes).Ok(), Is.EqualTo(4));

        var stats = kernel.Stats();
        Assert.That((stats.TableTrims, stats.TableFramesByPid[1], stats.TableFramesByPid[2]), Is.EqualTo((2L, 5L, 3L)));
        SwapReclaimTests.ExitAll(kernel, 1, 2);
    }

    [Test]
    public void Without_swap_nothing_is_taken_back_and_the_fork_runs_out_of_memory()
    {
        // pid 2 touches one page fewer than above, so RAM is full with pid 1's heap page still in it.
        var kernel = Create(MmuKinds.Sv39, ramSize: 12 * PageBytes);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, (long)PageBytes).Ok();
        kernel.Spawn(2, null).Ok();
        var m = kernel.Mmap(2, PageBytes, PteFlags.Rw, shared: false).Ok();
        kernel.Store(2, m, 8, 9).Ok();
        Assert.That(kernel.Free(), Is.Zero);

        kernel.Fork(1, 3).IsError(KernelError.OutOfMemory);

        Assert.That((kernel.Stats().TableTrims, kernel.Stats().TableFramesByPid[1]), Is.EqualTo((0L, 5L)));
        SwapReclaimTests.ExitAll(kernel, 1, 2);
    }
}
