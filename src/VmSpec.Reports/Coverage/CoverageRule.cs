namespace VmSpec.Reports.Coverage;

/// <summary>
/// A rule a coverage matrix has a row for: its name, where the spec states it, and the cells of
/// its row that cannot occur, each with the reason a reader can check against the spec.
/// </summary>
public sealed record CoverageRule(string Name, string Spec, IReadOnlyList<CellExclusion> Exclusions)
{
    public CoverageRule(string name, string spec, params CellExclusion[] exclusions)
        : this(name, spec, (IReadOnlyList<CellExclusion>)exclusions)
    {
    }

    /// <summary>Why a cell of this row cannot occur, or null when some access could land there.</summary>
    public string? Unreachable(in CoverageCell cell)
    {
        foreach (var exclusion in Exclusions)
            if (exclusion.Matches(cell))
                return exclusion.Reason;
        return null;
    }
}

/// <summary>
/// Cells of a rule's row that cannot occur: those whose place, mode and operation are among the
/// listed ones (null lists all), described in <see cref="Where"/> for the report.
/// </summary>
public sealed record CellExclusion(string Reason, string[]? Places = null, string[]? Modes = null, string[]? Ops = null)
{
    public bool Matches(in CoverageCell cell) =>
        (Places is null || Places.Contains(cell.Place))
        && (Modes is null || Modes.Contains(cell.Mode))
        && (Ops is null || Ops.Contains(cell.Op));

    public string Where => string.Join(" ", new[] { Places, Modes, Ops }.Where(list => list is not null).Select(list => string.Join("/", list!)));
}
