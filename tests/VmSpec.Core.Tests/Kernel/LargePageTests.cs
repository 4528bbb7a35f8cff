using VmSpec.Core.Kernel;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using OsKernel = VmSpec.Core.Kernel.Kernel;

namespace VmSpec.Core.Tests.Kernel;

/// <summary>
/// A single-level page larger than a frame takes a run of frames, and whatever the kernel does with
/// the page it does with the whole run: swap saves it, a copy-on-write copy copies it, so the bytes
/// in its last frame come through as surely as those in its first.
/// </summary>
public sealed class LargePageTests
{
    private const ulong PageBytes = 16 * 1024;

    [Test]
    public void A_16_KiB_page_comes_back_from_swap_with_every_frame_of_it_intact()
    {
        // 64 frames: the idle table and the clock page (2 + 4), a process's table (2), and room for
        // 14 pages, fewer than the 20 written.
        var kernel = Create(swapBytes: 1UL << 20);
        kernel.Spawn(1, null).Ok();
        var m = kernel.Mmap(1, 20 * PageBytes, PteFlags.Rw, shared: false).Ok();

        for (var page = 0UL; page < 20; page++)
        {
            kernel.Store(1, m + page * PageBytes, 8, 0x100 + page).Ok();
            kernel.Store(1, LastWord(m + page * PageBytes), 8, 0x200 + page).Ok();
        }

        for (var page = 0UL; page < 20; page++)
        {
            Assert.That(kernel.Load(1, m + page * PageBytes).Ok(), Is.EqualTo(0x100 + page));
            Assert.That(kernel.Load(1, LastWord(m + page * PageBytes)).Ok(), Is.EqualTo(0x200 + page));
        }
        Assert.That(kernel.Stats().PagesSwappedIn, Is.Positive);
    }

    [TestCase(ForkStrategy.CopyOnWrite)]
    [TestCase(ForkStrategy.EagerCopy)]
    public void A_copy_of_a_16_KiB_page_holds_every_frame_of_it(ForkStrategy strategy)
    {
        var kernel = Create(fork: strategy);
        kernel.Spawn(1, null).Ok();
        var m = kernel.Mmap(1, PageBytes, PteFlags.Rw, shared: false).Ok();
        kernel.Store(1, m, 8, 1).Ok();
        kernel.Store(1, LastWord(m), 8, 2).Ok();
        kernel.Fork(1, 2).Ok();

        kernel.Store(2, m, 8, 3).Ok();

        Assert.That((kernel.Load(2, m).Ok(), kernel.Load(2, LastWord(m)).Ok()), Is.EqualTo((3UL, 2UL)));
        Assert.That((kernel.Load(1, m).Ok(), kernel.Load(1, LastWord(m)).Ok()), Is.EqualTo((1UL, 2UL)));
    }

    private static ulong LastWord(ulong page) => page + PageBytes - 8;

    /// <summary>Single-level, 24 va-bits (a table of 2 frames), 16 KiB pages, 256 KiB of RAM.</summary>
    private static OsKernel Create(ulong swapBytes = 0, ForkStrategy fork = ForkStrategy.CopyOnWrite) =>
        TestKernels.Create(MmuKinds.SingleLevel, ramSize: 256 * 1024, swapBytes, fork, singleLevelPageSize: PageBytes);
}
