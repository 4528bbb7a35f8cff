using VmSpec.Core.Memory;
using static VmSpec.Core.Tests.Memory.TestRam;

namespace VmSpec.Core.Tests.Memory;

/// <summary>
/// The frame cache remembers where a frame's bytes are, never what they are: a read through it
/// always sees memory as it is now, after the frame was backed, written or zeroed.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class FrameCacheTests
{
    private readonly PhysicalMemory _ram = new(Base, 64 * Frame);
    private readonly FrameCache _cache;

    public FrameCacheTests() => _cache = new FrameCache(_ram);

    [Test]
    public void A_frame_zeroed_after_a_cached_read_reads_zero()
    {
        _ram.TryWriteUInt64(Base + 8 * Frame + 0x10, 0x1122_3344_5566_7788);
        Assert.That(Read(Base + 8 * Frame + 0x10), Is.EqualTo(0x1122_3344_5566_7788UL));

        _ram.ZeroFrame(Base + 8 * Frame);

        Assert.That(Read(Base + 8 * Frame + 0x10), Is.Zero, "the frame's old array is no longer what it reads from");
    }

    [Test]
    public void A_frame_first_written_after_a_cached_read_reads_the_write()
    {
        // Read while untouched (it reads as zero without host memory), then given an array by the store.
        Assert.That(Read(Base + 8 * Frame), Is.Zero);

        _ram.TryWriteUInt64(Base + 8 * Frame, 42);

        Assert.That(Read(Base + 8 * Frame), Is.EqualTo(42UL));
    }

    [Test]
    public void A_frame_sharing_a_line_with_a_cached_one_reads_its_own_bytes()
    {
        // 64 lines by frame number: frames 1 and 65 would share a line, so a RAM of 128 frames.
        var ram = new PhysicalMemory(Base, 128 * Frame);
        var cache = new FrameCache(ram);
        ram.TryWriteUInt64(Base + Frame, 1);
        ram.TryWriteUInt64(Base + 65 * Frame, 65);

        cache.TryReadUInt64(Base + Frame, out var first);
        cache.TryReadUInt64(Base + 65 * Frame, out var second);

        Assert.That((first, second), Is.EqualTo((1UL, 65UL)));
    }

    [Test]
    public void A_word_outside_ram_is_refused()
    {
        Assert.That(_cache.TryReadUInt64(Base - 8, out _), Is.False);
        Assert.That(_cache.TryReadUInt64(_ram.End, out _), Is.False);
    }

    private ulong Read(ulong pa) =>
        _cache.TryReadUInt64(pa, out var value) ? value : throw new AssertionException("outside RAM");
}
