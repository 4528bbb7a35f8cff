using VmSpec.Core.Memory;
using static VmSpec.Core.Tests.Memory.TestRam;

namespace VmSpec.Core.Tests.Memory;

/// <summary>
/// RAM need only be a multiple of 4 KiB: an allocator over a frame count that is not a multiple of
/// 64 (one word of the free bitmap) still hands out every frame once, highest first.
/// </summary>
public sealed class OddSizedRamTests
{
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(100)]
    public void Every_frame_comes_out_once_highest_first(int frames)
    {
        var frameAllocator = new FrameAllocator(new PhysicalMemory(Base, (ulong)frames * Frame));

        var taken = new List<ulong>();
        while (frameAllocator.TryAlloc(out var frame))
            taken.Add(frame);

        Assert.That(taken, Is.EqualTo(Enumerable.Range(0, frames).Reverse().Select(i => Base + (ulong)i * Frame)));
        Assert.That((frameAllocator.FreeFrames, frameAllocator.UsedFrames), Is.EqualTo((0L, (long)frames)));
    }

    [Test]
    public void The_lowest_frames_of_an_odd_sized_ram_can_be_freed_and_run_together()
    {
        var frameAllocator = new FrameAllocator(new PhysicalMemory(Base, 100 * Frame));
        while (frameAllocator.TryAlloc(out _)) { }

        frameAllocator.FreeContiguous(Base + 96 * Frame, 4);

        Assert.That(frameAllocator.TryAllocContiguous(4, 4 * Frame, out var run), Is.True);
        Assert.That(run, Is.EqualTo(Base + 96 * Frame));
    }
}
