using VmSpec.Core.Memory;
using static VmSpec.Core.Tests.Memory.TestRam;

namespace VmSpec.Core.Tests.Memory;

/// <summary>
/// Boot words: a frame reads the word laid at boot in its first eight bytes until it is written or
/// zeroed, whichever way it is read, and holding them costs no host memory.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class BootWordTests
{
    private const ulong Frame7 = Base + 7 * Frame;

    private readonly PhysicalMemory _ram = new(Base, 1UL << 20);

    public BootWordTests() => _ram.LayBootWords(frame => frame ^ 0x5A5A);

    [Test]
    public void Every_read_of_a_pristine_frame_sees_its_word_and_nothing_else()
    {
        Assert.That(Read(Frame7, 8), Is.EqualTo(Frame7 ^ 0x5A5A));
        Assert.That(Read(Frame7, 1), Is.EqualTo(0x5AUL));
        Assert.That(Read(Frame7 + 6, 4), Is.EqualTo((Frame7 ^ 0x5A5A) >> 48), "two bytes of the word, then zeros");
        Assert.That(Read(Frame7 + 8, 8), Is.Zero);
        Assert.That(Read(Frame7 - 4, 8), Is.EqualTo(((Frame7 ^ 0x5A5A) & 0xFFFF_FFFF) << 32), "straddling from the frame below");
        Assert.That(_ram.BackedBytes, Is.Zero);
    }

    [Test]
    public void A_first_write_keeps_the_word_beside_it()
    {
        _ram.TryWrite(Frame7 + 2, 2, 0xFFFF);

        Assert.That(Read(Frame7, 8), Is.EqualTo(Frame7 ^ 0x5A5A | 0xFFFF_0000));
        Assert.That(_ram.BackedBytes, Is.EqualTo((long)Frame));
    }

    [Test]
    public void A_zeroed_frame_reads_zero_without_host_memory()
    {
        _ram.ZeroFrame(Frame7);

        Assert.That(Read(Frame7, 8), Is.Zero);
        Assert.That(_ram.BackedBytes, Is.Zero);
        _ram.TryWrite(Frame7 + 8, 8, 1);
        Assert.That(Read(Frame7, 8), Is.Zero, "a write after zeroing does not bring the word back");
    }

    [Test]
    public void The_array_a_pristine_frame_is_read_from_holds_its_word()
    {
        var bytes = _ram.FrameForReading(Frame7)!;

        Assert.That(BitConverter.ToUInt64(bytes, 0), Is.EqualTo(Frame7 ^ 0x5A5A));
        Assert.That(bytes, Is.Not.SameAs(PhysicalMemory.Zeros));
    }

    [Test]
    public void A_copy_of_a_pristine_frame_carries_its_word()
    {
        _ram.CopyFrame(Frame7, Base);

        Assert.That(Read(Base, 8), Is.EqualTo(Frame7 ^ 0x5A5A));
    }

    [Test]
    public void Ram_boots_once() =>
        Assert.That(() => _ram.LayBootWords(_ => 0), Throws.InvalidOperationException);

    private ulong Read(ulong pa, int size) =>
        _ram.TryRead(pa, size, out var value) ? value : throw new AssertionException($"0x{pa:x} is outside RAM");
}
