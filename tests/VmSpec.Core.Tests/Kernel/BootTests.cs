using VmSpec.Core.Mmu;
using static VmSpec.Core.Tests.Kernel.TestKernels;

namespace VmSpec.Core.Tests.Kernel;

/// <summary>
/// The kernel holds its own frames from boot, the idle space's tables and the clock page: a RAM
/// without room for them is refused when the kernel is made, never found out at the first spawn.
/// </summary>
public sealed class BootTests
{
    // Sv39's root fits in one frame, and then the clock page has none.
    [TestCase(MmuKinds.Sv39, 1UL)]
    // A single-level table for 24 va bits is 8 frames: in 7 the idle space gets no table at all.
    [TestCase(MmuKinds.SingleLevel, 7UL)]
    public void A_RAM_without_room_for_the_kernel_s_frames_does_not_boot(string kind, ulong frames)
    {
        Assert.That(() => Create(kind, ramSize: frames * Page),
            Throws.InvalidOperationException.With.Message.Contains("RAM is too small to boot the kernel"));
    }
}
