using CsCheck;
using VmSpec.Core.Memory;
using static VmSpec.Core.Tests.Memory.TestRam;

namespace VmSpec.Core.Tests.Memory;

/// <summary>PhysicalMemory as documented: little-endian, sparse, zeroed, and never throwing for an address outside RAM.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class PhysicalMemoryTests
{
    private readonly PhysicalMemory _ram = new(Base, 16UL << 20);

    [TestCase(1, 0x88UL)]
    [TestCase(2, 0x7788UL)]
    [TestCase(4, 0x5566_7788UL)]
    [TestCase(8, 0x1122_3344_5566_7788UL)]
    public void A_write_stores_its_low_bytes_least_significant_first(int size, ulong expected)
    {
        Assert.That(_ram.TryWrite(Base + 0x100, size, 0x1122_3344_5566_7788), Is.True);

        Assert.That(_ram.TryRead(Base + 0x100, size, out var value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
        Assert.That(BytesAt(Base + 0x100, size), Is.EqualTo(LittleEndianBytes(expected, size)));
        Assert.That(BytesAt(Base + 0x100 + (ulong)size, 1), Is.EqualTo(new byte[] { 0 }), "nothing past the access");
    }

    [TestCase(2)]
    [TestCase(4)]
    [TestCase(8)]
    public void An_access_straddling_two_frames_is_one_little_endian_value(int size)
    {
        var at = Base + Frame - 1;

        _ram.TryWrite(at, size, 0x1122_3344_5566_7788);

        _ram.TryRead(at, size, out var value);
        Assert.That(value, Is.EqualTo(0x1122_3344_5566_7788UL & (ulong.MaxValue >> (64 - 8 * size))));
        Assert.That(BytesAt(Base + Frame, 1), Is.EqualTo(new byte[] { 0x77 }), "the second byte lands in the next frame");
    }

    [TestCase(Base - 1, 1, TestName = "one byte below base")]
    [TestCase(Base + (16UL << 20), 1, TestName = "at End")]
    [TestCase(Base + (16UL << 20) - 4, 8, TestName = "crossing End")]
    [TestCase(0UL, 8, TestName = "address zero")]
    [TestCase(ulong.MaxValue - 2, 8, TestName = "wrapping past 2^64")]
    [TestCase(Base, 3, TestName = "a size that is not 1, 2, 4 or 8")]
    public void An_access_outside_ram_is_refused_without_an_exception(ulong pa, int size)
    {
        Assert.That(_ram.TryWrite(pa, size, ulong.MaxValue), Is.False);
        Assert.That(_ram.TryRead(pa, size, out var value), Is.False);
        Assert.That(value, Is.Zero);
        Assert.That(_ram.BackedBytes, Is.Zero);
    }

    [Test]
    public void The_last_bytes_of_ram_are_inside_it()
    {
        Assert.That(_ram.TryWrite(_ram.End - 8, 8, 42), Is.True);
        Assert.That(_ram.TryRead(_ram.End - 1, 1, out _), Is.True);
    }

    [Test]
    public void Untouched_ram_reads_zero_and_costs_nothing()
    {
        _ram.TryRead(Base + 0x12_3456, 8, out var value);

        Assert.That(value, Is.Zero);
        Assert.That(_ram.BackedBytes, Is.Zero, "a read backs nothing");
    }

    [Test]
    public void A_gibibyte_with_a_few_mebibytes_written_backs_only_those()
    {
        var ram = new PhysicalMemory(Base, 1UL << 30);

        for (var pa = Base + (512UL << 20); pa < Base + (515UL << 20); pa += Frame)
            ram.TryWrite(pa, 8, pa);
        ram.TryWrite(ram.End - 8, 8, 1);

        Assert.That(ram.BackedBytes, Is.EqualTo((3L << 20) + (long)Frame));
    }

    [Test]
    public void Zeroing_a_frame_clears_it_and_gives_its_memory_back()
    {
        _ram.TryWrite(Base + Frame + 8, 8, 0xDEAD);
        _ram.TryWrite(Base + 2 * Frame, 8, 0xBEEF);

        _ram.ZeroFrame(Base + Frame);

        Assert.That(BytesAt(Base + Frame + 8, 8), Is.All.Zero);
        Assert.That(_ram.BackedBytes, Is.EqualTo((long)Frame), "only the neighbour is still backed");
        Assert.That(BytesAt(Base + 2 * Frame, 2), Is.EqualTo(new byte[] { 0xEF, 0xBE }));
    }

    [Test]
    public void Copying_a_frame_duplicates_every_byte()
    {
        _ram.TryWrite(Base, 8, 0x0102_0304_0506_0708);
        _ram.TryWrite(Base + Frame - 1, 1, 0xAA);

        _ram.CopyFrame(Base, Base + 5 * Frame);

        Assert.That(BytesAt(Base + 5 * Frame, 8), Is.EqualTo(BytesAt(Base, 8)));
        Assert.That(BytesAt(Base + 6 * Frame - 1, 1), Is.EqualTo(new byte[] { 0xAA }));
    }

    [Test]
    public void Copying_an_untouched_frame_zeroes_the_target()
    {
        _ram.TryWrite(Base + 5 * Frame + 16, 8, 0xFFFF);

        _ram.CopyFrame(Base + 9 * Frame, Base + 5 * Frame);

        Assert.That(BytesAt(Base + 5 * Frame + 16, 8), Is.All.Zero);
    }

    [Test]
    public void A_word_read_is_an_eight_byte_read_wherever_it_falls()
    {
        _ram.TryWrite(Base + Frame - 8, 8, 0x1122_3344_5566_7788);
        _ram.TryWrite(Base + Frame, 8, 0x99AA_BBCC_DDEE_FF00);
        _ram.TryWrite(_ram.End - 8, 8, 0x0102_0304_0506_0708);

        Gen.Frequency(
            (4, Gen.ULong[Base + Frame - 16, Base + Frame + 16]),
            (2, Gen.ULong[_ram.End - 16, _ram.End + 16]),
            (1, Gen.ULong[Base - 16, Base + 16]),
            (1, Gen.ULong)).Sample(pa =>
        {
            var word = _ram.TryReadUInt64(pa, out var value);
            var bytes = _ram.TryRead(pa, 8, out var expected);
            Assert.That((word, value), Is.EqualTo((bytes, expected)), $"0x{pa:x}");
        }, iter: 5_000);
    }

    [TestCase(Base - 8)]
    [TestCase(Base + (16UL << 20) - 8)]
    [TestCase(Base + (16UL << 20))]
    [TestCase(ulong.MaxValue - 7)]
    public void A_word_read_at_the_edges_of_ram_is_an_eight_byte_read(ulong pa)
    {
        _ram.TryWrite(_ram.End - 8, 8, 0x0102_0304_0506_0708);

        var word = _ram.TryReadUInt64(pa, out var value);
        var bytes = _ram.TryRead(pa, 8, out var expected);
        Assert.That((word, value), Is.EqualTo((bytes, expected)));
    }

    private byte[] BytesAt(ulong pa, int count) =>
        Enumerable.Range(0, count).Select(i => _ram.TryRead(pa + (ulong)i, 1, out var b) ? (byte)b : throw new AssertionException("outside RAM")).ToArray();

    private static byte[] LittleEndianBytes(ulong value, int count) =>
        Enumerable.Range(0, count).Select(i => (byte)(value >> (8 * i))).ToArray();
}
