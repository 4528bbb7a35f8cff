using VmSpec.Core.Kernel;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Kernel.TestKernels;

namespace VmSpec.Core.Tests.Kernel;

/// <summary>
/// An eager fork that must evict to find the frames for its copies. On single-level (24 va-bits)
/// the child's table is whole from the start, so every frame the fork needs after it is a copy's.
/// </summary>
public sealed class EagerForkUnderPressureTests
{
    private const ulong PageBytes = TestKernels.Page;

    [Test]
    public void The_page_being_copied_stays_in_its_frame_while_the_copy_s_frame_is_found()
    {
        // 27 frames: kernel 9 + pid 1 8 + pages p and q 2 + the child's table 8. RAM is full when
        // the copy of p needs a frame; p is first in the clock's ring, but it is being copied, so q goes.
        var kernel = Create(MmuKinds.SingleLevel, ramSize: 27 * PageBytes, swapBytes: 1UL << 20, fork: ForkStrategy.EagerCopy);
        kernel.Spawn(1, null).Ok();
        var p = kernel.Mmap(1, 2 * PageBytes, PteFlags.Rw, shared: false).Ok();
        var q = p + PageBytes;
        kernel.Store(1, p, 8, 7).Ok();
        kernel.Store(1, q, 8, 8).Ok();

        kernel.Fork(1, 2).Ok();

        Assert.That(kernel.Stats().PagesSwappedOut, Is.EqualTo(1));
        Assert.That((kernel.Load(2, p).Ok(), kernel.Load(2, q).Ok()), Is.EqualTo((7UL, 8UL)));
        Assert.That((kernel.Load(1, p).Ok(), kernel.Load(1, q).Ok()), Is.EqualTo((7UL, 8UL)));
        SwapReclaimTests.ExitAll(kernel, 1, 2);
    }
}
