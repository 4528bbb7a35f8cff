using VmSpec.Core.Mmu;
using VmSpec.Runner.Results;

namespace VmSpec.Reports.Coverage;

/// <summary>
/// Segmentation coverage: rule × direction of the segment read (up, down, or none when no
/// descriptor was usable) × R/W/X, in the order the unit checks: range, selector, limit, permission.
/// The direction comes from the descriptor the unit read (docs/segmentation.md: flag bit 4 of
/// word 0's top byte), not from the scenario.
/// </summary>
public sealed class SegmentationCoverageModel : CoverageModel
{
    private const string Up = "up";
    private const string Down = "down";
    private const int GrowsDownBit = 56 + 4;

    private static readonly CellExclusion NoSegment = new("no usable segment was read, so there is no direction", Places: [Up, Down]);
    private static readonly CellExclusion SegmentRead = new("a segment was read, so it has a direction", Places: [NoPlace]);

    public override string Kind => MmuKinds.Segmentation;

    public override string PlaceAxis => "segment";

    public override IReadOnlyList<string> Places { get; } = [Up, Down, NoPlace];

    public override IReadOnlyList<string> Modes { get; } = [AnyMode];

    public override IReadOnlyList<CoverageRule> Rules { get; } =
    [
        new("translate", "Segmentation: pa = base + offset (up), base - (2^offset_bits - offset) (down)", SegmentRead),
        new("out-of-range", "Segmentation: an address wider than the addressing mode", NoSegment),
        new("selector", "Segmentation: no valid descriptor for the selector", NoSegment),
        new("limit", "Segmentation: an offset beyond the segment's limit, checked before the address is formed", SegmentRead),
        new("permission", "Segmentation: the segment's r/w/x must permit the access", SegmentRead),
    ];

    public override IEnumerable<CoverageCell> Classify(AccessRecord record)
    {
        var translation = record.Translation;
        var rule = translation switch
        {
            { IsFault: false } => "translate",
            _ => translation.Reason switch
            {
                FaultReason.OutOfRange => "out-of-range",
                FaultReason.Selector => "selector",
                FaultReason.Limit => "limit",
                FaultReason.Permission => "permission",
                _ => null,
            },
        };
        if (rule is null)
            yield break;
        var place = rule is "selector" || StepAt(translation, 0) is not { } descriptor
            ? NoPlace
            : ((descriptor.Value >> GrowsDownBit) & 1) != 0 ? Down : Up;
        yield return new CoverageCell(rule, place, AnyMode, OpOf(record.Access.Type));
    }
}
