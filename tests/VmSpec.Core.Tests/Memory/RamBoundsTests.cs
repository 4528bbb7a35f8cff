using VmSpec.Core.Memory;
using static VmSpec.Core.Tests.Memory.TestRam;

namespace VmSpec.Core.Tests.Memory;

/// <summary>Contains answers for a whole range: every byte of it must be RAM, however long it is.</summary>
public sealed class RamBoundsTests
{
    private readonly PhysicalMemory _ram = new(Base, 16 * Frame);

    [Test]
    public void All_of_ram_is_inside_it_and_nothing_longer_is()
    {
        Assert.That(_ram.Contains(Base, 16 * Frame), Is.True);
        Assert.That(_ram.Contains(Base, 16 * Frame + 1), Is.False);
        Assert.That(_ram.Contains(Base + Frame, 16 * Frame), Is.False);
    }

    [Test]
    public void A_range_longer_than_ram_is_not_inside_it_wherever_it_starts()
    {
        // Longer than RAM by more than the distance to its end: a length that wraps Size - length.
        Assert.That(_ram.Contains(Base + 15 * Frame, ulong.MaxValue - 4), Is.False);
        Assert.That(_ram.Contains(Base, ulong.MaxValue), Is.False);
    }

    [Test]
    public void The_last_byte_is_inside_and_the_next_is_not()
    {
        Assert.That(_ram.Contains(_ram.End - 1), Is.True);
        Assert.That(_ram.Contains(_ram.End), Is.False);
        Assert.That(_ram.Contains(_ram.End - 8, 8), Is.True);
        Assert.That(_ram.Contains(_ram.End - 7, 8), Is.False);
    }
}
