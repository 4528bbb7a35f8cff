using VmSpec.Core.Mmu;
using VmSpec.Core.Segmentation;
using static VmSpec.Core.Tests.Segmentation.SegmentationHarness;

namespace VmSpec.Core.Tests.Segmentation;

/// <summary>Each rule of notes §2.1 on its own: an access on each side of it.</summary>
public sealed class FaultReasonTests
{
    [Test]
    public void A_selector_between_defined_ones_is_unknown()
    {
        var unit = Explicit().With(new(0, 0x1000, 0xFF, Rw)).With(new(2, 0x3000, 0xFF, Rw));

        AssertFaults(unit.At(1, 0), FaultReason.Selector);
        AssertTranslates(unit.At(2, 0), 0x3000);
    }

    [Test]
    public void A_selector_past_the_end_of_the_table_is_unknown() =>
        AssertFaults(Explicit().With(new(0, 0x1000, 0xFF, Rw)).At(0x1_0000, 0), FaultReason.Selector);

    [Test]
    public void An_empty_table_knows_no_selector() => AssertFaults(Explicit().At(0, 0), FaultReason.Selector);

    [Test]
    public void An_explicit_mode_access_without_a_selector_names_no_segment() =>
        AssertFaults(Explicit().With(new(0, 0x1000, 0xFF, Rw)).AtAddress(0x10), FaultReason.Selector);

    [Test]
    public void A_top_bits_access_with_a_selector_names_no_segment() =>
        AssertFaults(TopBits(14, 2).With(new(0, 0x1000, 0xFF, Rw)).At(0, 0x10), FaultReason.Selector);

    [Test]
    public void An_up_segment_admits_its_limit_and_not_one_more()
    {
        var unit = Explicit().With(new(1, 0x2000, 0x1FF, Rw));

        AssertTranslates(unit.At(1, 0x1FF), 0x21FF);
        AssertFaults(unit.At(1, 0x200), FaultReason.Limit);
    }

    [Test]
    public void A_down_segment_admits_its_lowest_offset_and_not_one_less()
    {
        // 12-bit offsets, 2 KiB at the top: offsets 0x800..0xFFF map below base 0x7000.
        var unit = Explicit(offsetBits: 12).With(new(3, 0x7000, 0x7FF, Rw, GrowsDown: true));

        AssertTranslates(unit.At(3, 0x800), 0x6800);
        AssertTranslates(unit.At(3, 0xFFF), 0x6FFF);
        AssertFaults(unit.At(3, 0x7FF), FaultReason.Limit);
    }

    [TestCase(SegmentPermissions.Write | SegmentPermissions.Execute, AccessType.Read)]
    [TestCase(SegmentPermissions.Read | SegmentPermissions.Execute, AccessType.Write)]
    [TestCase(Rw, AccessType.Execute)]
    public void An_access_the_segment_does_not_permit_faults(SegmentPermissions permissions, AccessType type)
    {
        var unit = Explicit().With(new(1, 0x2000, 0xFF, permissions));

        AssertFaults(unit.At(1, 0x10, type), FaultReason.Permission);
        unit.With(new(1, 0x2000, 0xFF, permissions | ToPermission(type)));
        AssertTranslates(unit.At(1, 0x10, type), 0x2010);
    }

    [Test]
    public void A_top_bits_address_beyond_the_address_width_is_out_of_range()
    {
        var unit = TopBits(14, 2).With(new(0, 0x1000, 0xFFF, Rw));

        AssertTranslates(unit.AtAddress(0x0FFF), 0x1FFF);
        AssertFaults(unit.AtAddress(0x4000), FaultReason.OutOfRange);
    }

    [Test]
    public void An_explicit_offset_beyond_the_offset_width_is_out_of_range()
    {
        var unit = Explicit(offsetBits: 12).With(new(0, 0x1000, 0xFFF, Rw));

        AssertFaults(unit.At(0, 0x1000), FaultReason.OutOfRange);
    }

    [Test]
    public void The_limit_is_checked_before_the_permissions()
    {
        var unit = Explicit().With(new(1, 0x2000, 0xFF, SegmentPermissions.None));

        AssertFaults(unit.At(1, 0x100), FaultReason.Limit);
        AssertFaults(unit.At(1, 0xFF), FaultReason.Permission);
    }

    private static SegmentPermissions ToPermission(AccessType type) => type switch
    {
        AccessType.Read => SegmentPermissions.Read,
        AccessType.Write => SegmentPermissions.Write,
        _ => SegmentPermissions.Execute,
    };
}
