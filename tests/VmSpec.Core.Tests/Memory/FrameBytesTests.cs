using System.Buffers.Binary;
using VmSpec.Core.Memory;

namespace VmSpec.Core.Tests.Memory;

/// <summary>
/// The fused load and store read and write a frame's array through FrameBytes: it must store and
/// read exactly as PhysicalMemory does (little-endian, only the bytes of the access), and refuse
/// what does not fit in the frame rather than throw.
/// </summary>
public sealed class FrameBytesTests
{
    private const int Offset = 0x100;

    [TestCase(1, 0x88UL)]
    [TestCase(2, 0x7788UL)]
    [TestCase(4, 0x5566_7788UL)]
    [TestCase(8, 0x1122_3344_5566_7788UL)]
    public void A_read_assembles_bytes_least_significant_first(int size, ulong expected)
    {
        var frame = new byte[PhysicalMemory.FrameSize];
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(Offset), 0x1122_3344_5566_7788);

        Assert.That(FrameBytes.TryRead(frame, Offset, size, out var value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase(1, new byte[] { 0x88 })]
    [TestCase(2, new byte[] { 0x88, 0x77 })]
    [TestCase(4, new byte[] { 0x88, 0x77, 0x66, 0x55 })]
    [TestCase(8, new byte[] { 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11 })]
    public void A_write_stores_its_low_bytes_and_leaves_its_neighbours(int size, byte[] stored)
    {
        var frame = new byte[PhysicalMemory.FrameSize];
        Array.Fill(frame, (byte)0xee);

        Assert.That(FrameBytes.TryWrite(frame, Offset, size, 0x1122_3344_5566_7788), Is.True);

        Assert.That(frame.AsSpan(Offset, size).ToArray(), Is.EqualTo(stored));
        Assert.That(frame[Offset - 1], Is.EqualTo(0xee), "the byte before");
        Assert.That(frame.AsSpan(Offset + size, 8).ToArray(), Is.All.EqualTo(0xee), "the bytes after");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    [TestCase(8)]
    public void The_last_bytes_of_the_frame_fit_and_one_more_does_not(int size)
    {
        var frame = new byte[PhysicalMemory.FrameSize];
        var last = frame.Length - size;

        Assert.That(FrameBytes.TryWrite(frame, last, size, ulong.MaxValue), Is.True);
        Assert.That(FrameBytes.TryRead(frame, last, size, out var value) && value == ulong.MaxValue >> (64 - 8 * size), Is.True);
        Assert.That(FrameBytes.TryWrite(frame, last + 1, size, 0), Is.False);
        Assert.That(FrameBytes.TryRead(frame, last + 1, size, out _), Is.False);
    }

    [Test]
    public void A_size_other_than_1_2_4_or_8_is_refused()
    {
        var frame = new byte[PhysicalMemory.FrameSize];

        Assert.That(FrameBytes.TryWrite(frame, 0, 3, 0x0101_0101), Is.False);
        Assert.That(FrameBytes.TryRead(frame, 0, 3, out _), Is.False);
        Assert.That(frame, Is.All.Zero);
    }
}
