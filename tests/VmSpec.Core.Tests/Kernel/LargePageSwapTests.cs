using VmSpec.Core.Kernel;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using OsKernel = VmSpec.Core.Kernel.Kernel;

namespace VmSpec.Core.Tests.Kernel;

/// <summary>
/// A single-level page larger than a frame takes a run of frames, and swap saves the whole run: the
/// bytes in its last frame come back as surely as those in its first.
/// </summary>
public sealed class LargePageSwapTests
{
    private const ulong PageBytes = 16 * 1024;

    [Test]
    public void A_16_KiB_page_comes_back_from_swap_with_every_frame_of_it_intact()
    {
        // 64 frames: the idle table and the clock page (2 + 4), a process's table (2), and room for
        // 14 pages, fewer than the 20 written.
        var machine = new Machine(new MachineOptions
        {
            RamSize = 256 * 1024,
            SingleLevel = new SingleLevelOptions(PageSize: PageBytes, VaBits: 24),
        });
        var kernel = new OsKernel(new SingleLevelMmu(machine), new KernelOptions { SwapBytes = 1UL << 20 });
        kernel.Spawn(1, null).Ok();
        var m = kernel.Mmap(1, 20 * PageBytes, PteFlags.Rw, shared: false).Ok();

        for (var page = 0UL; page < 20; page++)
        {
            kernel.Store(1, m + page * PageBytes, 8, 0x100 + page).Ok();
            kernel.Store(1, m + page * PageBytes + PageBytes - 8, 8, 0x200 + page).Ok();
        }

        for (var page = 0UL; page < 20; page++)
        {
            Assert.That(kernel.Load(1, m + page * PageBytes).Ok(), Is.EqualTo(0x100 + page));
            Assert.That(kernel.Load(1, m + page * PageBytes + PageBytes - 8).Ok(), Is.EqualTo(0x200 + page));
        }
        Assert.That(kernel.Stats().PagesSwappedIn, Is.Positive);
    }
}
