using VmSpec.Core.Mmu;
using VmSpec.Core.Segmentation;
using static VmSpec.Core.Tests.Segmentation.SegmentationHarness;

namespace VmSpec.Core.Tests.Segmentation;

/// <summary>What DefineSegment accepts, refuses and replaces.</summary>
public sealed class SegmentDefinitionTests
{
    [Test]
    public void Defining_a_selector_again_replaces_it()
    {
        var unit = Explicit().With(new(1, 0x2000, 0xFFF, Rw)).With(new(1, 0x9000, 0xF, SegmentPermissions.Read));

        AssertTranslates(unit.At(1, 0x4), 0x9004);
        AssertFaults(unit.At(1, 0x10), FaultReason.Limit);
        AssertFaults(unit.At(1, 0x4, AccessType.Write), FaultReason.Permission);
    }

    [Test]
    public void A_redefinition_may_change_the_direction()
    {
        var unit = Explicit(offsetBits: 12).With(new(0, 0x7000, 0xFF, Rw, GrowsDown: true)).With(new(0, 0x7000, 0xFF, Rw));

        AssertTranslates(unit.At(0, 0), 0x7000);
    }

    [Test]
    public void A_segment_is_one_byte_longer_than_its_limit()
    {
        // The limit is the highest valid offset, so a 64-bit flat limit gives 2^64 bytes.
        Assert.That(new Segment(1, 0x2000, 0x1FF, Rw).Size, Is.EqualTo((UInt128)0x200));
        Assert.That(new Segment(0, 0, ulong.MaxValue, Rw).Size, Is.EqualTo(UInt128.One << 64));
    }

    private static IEnumerable<TestCaseData> Refused()
    {
        yield return new TestCaseData(new Segment(0, 0, 0x1_0000_0000, Rw)).SetName("limit beyond a 32-bit offset space");
        yield return new TestCaseData(new Segment(0, (1UL << 56) - 0x100, 0x100, Rw)).SetName("up segment ending past 2^56");
        yield return new TestCaseData(new Segment(0, ulong.MaxValue, 0, Rw)).SetName("base near 2^64");
        yield return new TestCaseData(new Segment(0, 0xFF, 0xFF, Rw, GrowsDown: true)).SetName("down segment whose base is below its size");
        yield return new TestCaseData(new Segment(0, (1UL << 56) + 1, 0xFF, Rw, GrowsDown: true)).SetName("down segment base beyond 2^56");
        yield return new TestCaseData(new Segment(0, 0x1000, 0xFF, (SegmentPermissions)8)).SetName("unknown permission bit");
    }

    [TestCaseSource(nameof(Refused))]
    public void A_segment_that_does_not_fit_is_invalid_and_changes_nothing(Segment segment)
    {
        var unit = Explicit().With(new(0, 0x5000, 0xFF, Rw));

        Assert.That(unit.DefineSegment(segment).Status, Is.EqualTo(EditStatus.Invalid));
        AssertTranslates(unit.At(0, 0x10), 0x5010);
    }

    [Test]
    public void Limits_at_the_edges_of_the_spaces_are_accepted()
    {
        var unit = Explicit();

        Assert.That(unit.DefineSegment(new(0, (1UL << 56) - 0x100, 0xFF, Rw)).IsOk, Is.True, "up, ending at 2^56");
        Assert.That(unit.DefineSegment(new(1, 1UL << 56, 0xFF, Rw, GrowsDown: true)).IsOk, Is.True, "down, base 2^56");
        Assert.That(unit.DefineSegment(new(2, 0x100, 0xFF, Rw, GrowsDown: true)).IsOk, Is.True, "down, base equal to size");
    }

    [Test]
    public void A_top_bits_selector_the_address_cannot_name_is_invalid() =>
        Assert.That(TopBits(14, 2).DefineSegment(new(4, 0x1000, 0xFF, Rw)).Status, Is.EqualTo(EditStatus.Invalid));

    [Test]
    public void A_table_larger_than_ram_is_out_of_memory_and_keeps_the_old_table()
    {
        var unit = Explicit().With(new(0, 0x5000, 0xFF, Rw));

        Assert.That(unit.DefineSegment(new(ulong.MaxValue - 1, 0, 0xFF, Rw)).Status, Is.EqualTo(EditStatus.OutOfMemory));
        AssertTranslates(unit.At(0, 0x10), 0x5010);
    }

    [Test]
    public void The_highest_64_bit_selector_can_be_named_and_only_ram_stops_it() =>
        Assert.That(Explicit().DefineSegment(new(ulong.MaxValue, 0x5000, 0xFF, Rw)).Status, Is.EqualTo(EditStatus.OutOfMemory));

    [Test]
    public void Construction_refuses_widths_the_format_forbids()
    {
        // 0 < selector-bits < address-bits <= 64 (top-bits) and 0 < offset-bits <= 64 (explicit).
        Assert.That(() => TopBits(addressBits: 8, selectorBits: 8), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => TopBits(addressBits: 14, selectorBits: 0), Throws.InstanceOf<ArgumentOutOfRangeException>(), "no selector bits");
        Assert.That(() => TopBits(addressBits: 65, selectorBits: 2), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => Explicit(offsetBits: 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => Explicit(offsetBits: 65), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
