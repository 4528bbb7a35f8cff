using VmSpec.Core.Kernel;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Kernel.TestKernels;

namespace VmSpec.Core.Tests.Kernel;

/// <summary>
/// A process's access that runs onto the next page when memory is too tight to map both pages at
/// once. On Sv39 a pair of pages on either side of a 2 MiB boundary needs an L0 table more than
/// either page alone, and with one frame to spare, serving one page's fault takes the other's leaf
/// back (by evicting it, or by trimming the tables of the only space): the access must end in
/// SIGKILL with every frame and slot given back, never loop or throw.
/// </summary>
public sealed class PageCrossingAccessTests
{
    private const ulong PageBytes = TestKernels.Page;
    private const ulong TwoMiB = 2UL << 20;

    [Test]
    public void Pages_that_cannot_be_mapped_at_once_end_in_sigkill_with_nothing_lost()
    {
        // kernel 2 + pid 1 3 (root and the clock page's L1 and L0) = 5 frames, and 2 to spare: one
        // for each page, one for the L0 table below the clock page's 2 MiB. Three are needed.
        var kernel = Create(MmuKinds.Sv39, ramSize: 7 * PageBytes, swapBytes: 1UL << 20);
        kernel.Spawn(1, null).Ok();
        var m = kernel.Mmap(1, TwoMiB + 2 * PageBytes, PteFlags.Rw, shared: false).Ok();
        var boundary = (m | (TwoMiB - 1)) + 1;
        Assert.That(boundary, Is.LessThan(kernel.ClockAddress), "the mapping runs into the clock page's 2 MiB");

        var store = kernel.Store(1, boundary - 4, 8, 0x8877_6655_4433_2211);

        store.IsSignal(Signal.SIGKILL);
        Assert.That(kernel.Stats().Faults.Kill, Is.EqualTo(1), "the fault that ended in SIGKILL is counted");
        kernel.AssertOnlyKernelFramesUsed();
        Assert.That(kernel.Stats().SwapSlotsUsed, Is.Zero);
    }

    [Test]
    public void Pages_that_take_each_other_s_tables_in_turn_end_in_one_sigkill_counted_once()
    {
        // kernel 2 + pid 1 3 = 5 frames, and 3 to spare. The pages on either side of the 2 MiB
        // boundary 4 MiB below the clock page are under neither the clock page's L0 nor one L0
        // together: each needs its frame and an L0, 4 frames. Each page's fault is served by taking
        // back the tables, and so the leaf, of the other, until the kernel gives up.
        var kernel = Create(MmuKinds.Sv39, ramSize: 8 * PageBytes, swapBytes: 1UL << 20);
        kernel.Spawn(1, null).Ok();
        var m = kernel.Mmap(1, 2 * TwoMiB, PteFlags.Rw, shared: false).Ok();
        var boundary = (m | (TwoMiB - 1)) + 1;

        kernel.Store(1, boundary - 4, 8, 0x1122_3344_5566_7788).IsSignal(Signal.SIGKILL);

        Assert.That(kernel.Stats().Faults.Kill, Is.EqualTo(1), "the access that ended in SIGKILL is a fault that ended in SIGKILL");
        kernel.AssertOnlyKernelFramesUsed();
        Assert.That(kernel.Stats().SwapSlotsUsed, Is.Zero);
    }

    [Test]
    public void A_fault_that_made_its_page_and_then_found_no_table_counts_as_sigkill_alone()
    {
        // kernel 2 + pid 1 3 = 5 frames, 1 to spare: the first touch makes its page in it, and then
        // the L1 and L0 tables for an address far from the clock page's have no frame.
        var kernel = Create(MmuKinds.Sv39, ramSize: 6 * PageBytes);
        kernel.Spawn(1, null).Ok();
        var m = kernel.Mmap(1, 4UL << 20, PteFlags.Rw, shared: false).Ok();

        kernel.Store(1, m, 8, 1).IsSignal(Signal.SIGKILL);

        var faults = kernel.Stats().Faults;
        Assert.That((faults.Lazy, faults.Kill), Is.EqualTo((0L, 1L)), "one fault, counted once, by how it ended");
        kernel.AssertOnlyKernelFramesUsed();
    }

    [Test]
    public void With_one_more_frame_the_same_access_maps_both_pages()
    {
        var kernel = Create(MmuKinds.Sv39, ramSize: 8 * PageBytes, swapBytes: 1UL << 20);
        kernel.Spawn(1, null).Ok();
        var m = kernel.Mmap(1, TwoMiB + 2 * PageBytes, PteFlags.Rw, shared: false).Ok();
        var boundary = (m | (TwoMiB - 1)) + 1;

        kernel.Store(1, boundary - 4, 8, 0x8877_6655_4433_2211).Ok();

        Assert.That(kernel.Load(1, boundary - 4, 4).Ok(), Is.EqualTo(0x4433_2211UL));
        Assert.That(kernel.Load(1, boundary, 4).Ok(), Is.EqualTo(0x8877_6655UL));
        Assert.That(kernel.Free(), Is.Zero);
        kernel.Exit(1).Ok();
        kernel.AssertOnlyKernelFramesUsed();
    }
}
