using VmSpec.Core.Segmentation;
using static VmSpec.Core.Tests.Segmentation.SegmentationHarness;

namespace VmSpec.Core.Tests.Segmentation;

/// <summary>The examples the notes and OSTEP work through, and Linux's flat model.</summary>
public sealed class WorkedExampleTests
{
    [Test]
    public void Notes_selector_1_offset_FF_translates_to_20FF() =>
        AssertTranslates(Explicit().With(new(1, 0x2000, 0x1FF, SegmentPermissions.Read)).At(1, 0xFF), 0x20FF);

    [Test]
    public void Ostep_stack_at_15_KiB_translates_to_27_KiB()
    {
        // 16 KiB address space, the top two bits pick the segment; the stack (selector 3) grows
        // down from 28 KiB and is 2 KiB long.
        var unit = TopBits(addressBits: 14, selectorBits: 2)
            .With(new(3, 28 << 10, (2 << 10) - 1, Rw, GrowsDown: true));

        AssertTranslates(unit.AtAddress(15 << 10), 27 << 10);
    }

    [Test]
    public void Ostep_heap_at_4200_translates_to_34_KiB_plus_104()
    {
        // OSTEP's heap: selector 1 at base 34 KiB; virtual 4200 is offset 104 in it.
        var unit = TopBits(addressBits: 14, selectorBits: 2).With(new(1, 34 << 10, (3 << 10) - 1, Rw));

        AssertTranslates(unit.AtAddress(4200), (34 << 10) + 104);
    }

    [TestCase(0UL)]
    [TestCase(0x1234_5678UL)]
    [TestCase(0xFFFF_FFFFUL)]
    public void Linux_flat_segments_translate_every_offset_to_itself(ulong offset)
    {
        var unit = Explicit().With(new(0, 0, uint.MaxValue, Rwx));

        AssertTranslates(unit.At(0, offset), offset);
    }
}
