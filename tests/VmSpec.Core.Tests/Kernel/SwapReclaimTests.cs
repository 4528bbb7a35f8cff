using VmSpec.Core.Kernel;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Kernel.TestKernels;
using OsKernel = VmSpec.Core.Kernel.Kernel;

namespace VmSpec.Core.Tests.Kernel;

/// <summary>
/// With swap, a fault that needs frames gets them while anything can be reclaimed: a COW write to a
/// page in swap costs one frame (the writer's copy), not two. RAM sizes are chosen so that every
/// frame is accounted for by hand.
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
        var kernel = Create(kind, ramSize: (kind == MmuKinds.Sv39 ? 9UL : 26UL) * PageBytes, swapBytes: Swap);
        kernel.Spawn(1, null).Ok();
        var m = kernel.Mmap(1, 2 * PageBytes, PteFlags.Rw, shared: false).Ok();
        kernel.Store(1, m, 8, 7).Ok();
        kernel.Fork(1, 2).Ok();
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

    internal static void ExitAll(OsKernel kernel, params int[] pids)
    {
        foreach (var pid in pids)
            kernel.Exit(pid).Ok();
        kernel.AssertOnlyKernelFramesUsed();
        Assert.That(kernel.Stats().SwapSlotsUsed, Is.Zero);
    }
}
