using VmSpec.Core.Segmentation;
using static VmSpec.Core.Tests.Segmentation.SegmentationHarness;

namespace VmSpec.Core.Tests.Segmentation;

public sealed class SegmentTableDumpTests
{
    [Test]
    public void An_empty_table_says_so() => Assert.That(Explicit().Dump(), Is.EqualTo("(no segments)\n"));

    [Test]
    public void Ostep_segments_dump_in_selector_order_with_their_physical_ranges()
    {
        var unit = TopBits(14, 2)
            .With(new(3, 28 << 10, 0x7FF, Rw, GrowsDown: true))
            .With(new(0, 32 << 10, 0x7FF, SegmentPermissions.Read | SegmentPermissions.Execute))
            .With(new(1, 34 << 10, 0xBFF, Rw));

        Assert.That(unit.Dump(), Is.EqualTo(
            "0x0  base 0x8000  limit 0x7ff  size 0x800  r-x  up  pa [0x8000, 0x8800)\n" +
            "0x1  base 0x8800  limit 0xbff  size 0xc00  rw-  up  pa [0x8800, 0x9400)\n" +
            "0x3  base 0x7000  limit 0x7ff  size 0x800  rw-  down  pa [0x6800, 0x7000)\n"));
    }

    [Test]
    public void The_dump_reads_the_table_from_ram()
    {
        var unit = Explicit().With(new(0, 0x1000, 0xF, Rw)).With(new(1, 0x2000, 0xF, Rw));

        unit.Machine.Memory.TryWriteUInt64(unit.TableAddress, 0);

        Assert.That(unit.Dump(), Does.StartWith("0x1  base 0x2000"));
    }

    [Test]
    public void The_last_selector_a_table_frame_holds_is_dumped()
    {
        // 256 descriptors of 16 bytes fill the table's one frame: selector 0xff is its last slot.
        var unit = Explicit().With(new(0xFF, 0x4000, 0xF, Rw));

        Assert.That(unit.TableCapacity, Is.EqualTo(256));
        Assert.That(unit.Dump(), Is.EqualTo("0xff  base 0x4000  limit 0xf  size 0x10  rw-  up  pa [0x4000, 0x4010)\n"));
    }
}
