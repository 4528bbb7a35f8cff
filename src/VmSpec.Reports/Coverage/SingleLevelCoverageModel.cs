using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Runner.Results;

namespace VmSpec.Reports.Coverage;

/// <summary>
/// Single-level coverage: rule × page-size class × R/W/X. The table's own rules are the range
/// check and the entry's shape and permission; page size is the axis because it is what the
/// format varies (8 B to 64 KiB). Privilege modes are one column: the U/SUM/MXR rules are those of
/// the Sv39 leaf, charted in the Sv39 matrix.
/// </summary>
public sealed class SingleLevelCoverageModel : CoverageModel
{
    private const string Small = "<4KiB";
    private const string Base = "4KiB";
    private const string Large = ">4KiB";
    private const ulong BasePageSize = 4096;

    public override string Kind => MmuKinds.SingleLevel;

    public override string PlaceAxis => "page size";

    public override IReadOnlyList<string> Places { get; } = [Small, Base, Large];

    public override IReadOnlyList<string> Modes { get; } = [AnyMode];

    public override IReadOnlyList<CoverageRule> Rules { get; } =
    [
        new("translate", "Single-level table: entry VPN of one flat array gives the frame"),
        new("tlb-hit", "Address-translation caches: a cached entry answers without reading the table"),
        new("out-of-range", "Single-level table: an address at or above 2^va-bits has no entry"),
        new("invalid", "Sv39 PTE layout, walk step 3: pte.v = 0"),
        new("reserved", "Sv39 PTE layout, walk step 3: W without R, bits 63-54, or a pointer where no level is left"),
        new("permission", "Sv39 PTE layout, walk step 5: R/W/X and U must permit the access"),
    ];

    public override IEnumerable<CoverageCell> Classify(AccessRecord record)
    {
        if (record.Mmu is not IPagingMmu mmu || RuleOf(record.Translation) is not { } rule)
            yield break;
        var place = mmu.PageSize < BasePageSize ? Small : mmu.PageSize == BasePageSize ? Base : Large;
        yield return new CoverageCell(rule, place, AnyMode, OpOf(record.Access.Type));
    }

    private static string? RuleOf(in Translation translation) => translation switch
    {
        { IsFault: false, TlbHit: true } => "tlb-hit",
        { IsFault: false } => "translate",
        _ => translation.Reason switch
        {
            FaultReason.OutOfRange => "out-of-range",
            FaultReason.Invalid => "invalid",
            FaultReason.Reserved or FaultReason.NoLeaf => "reserved",
            FaultReason.Permission => "permission",
            _ => null,
        },
    };
}
