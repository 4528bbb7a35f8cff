namespace VmSpec.Reports.Coverage;

/// <summary>
/// How a model's matrix is laid out on the page, shared by the text and markdown writers: one row
/// per rule, one column per place × mode × operation, and what each cell shows.
/// </summary>
internal static class CoverageLayout
{
    public static IEnumerable<(string Place, string Mode, string Op)> Columns(CoverageModel model) =>
        from place in model.Places
        from mode in model.Modes
        from op in model.Ops
        select (place, mode, op);

    /// <summary>The cells of a rule's row, one per column, in column order.</summary>
    public static IEnumerable<CellStatus> Row(CoverageMatrix matrix, CoverageModel model, CoverageRule rule) =>
        Columns(model).Select(column => matrix.Status(model, rule, new CoverageCell(rule.Name, column.Place, column.Mode, column.Op)));

    public static string Summary(CoverageMatrix matrix, CoverageModel model)
    {
        var cells = matrix.Cells.Where(status => status.Kind == model.Kind).ToList();
        var reachable = cells.Count(status => status.Reachable);
        var covered = cells.Count(status => status.Reachable && status.Count > 0);
        var summary = $"{covered} of {reachable} reachable cells covered, {reachable - covered} empty, {cells.Count - reachable} cannot occur";
        var contradictions = cells.Count(status => !status.Reachable && status.Count > 0);
        return contradictions > 0 ? $"{summary}, {contradictions} observed where the model says they cannot occur" : summary;
    }

    /// <summary>The count; for a cell that cannot occur, the mark (or the count and '!' when one did).</summary>
    public static string CellText(CellStatus status, string unreachableMark) =>
        status.Reachable ? status.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : status.Count > 0 ? $"{status.Count}!"
        : unreachableMark;

    // Enough to start looking; the rest would drown the cells that follow.
    private const int MaxSourcesShown = 3;

    /// <summary>Where a cell that cannot occur was reached: "on TARGET: SCENARIO", up to three, then how many more.</summary>
    public static IEnumerable<string> Sources(CoverageMatrix matrix, CellStatus status)
    {
        var sources = matrix.SourcesOf(status.Kind, status.Cell);
        foreach (var (target, scenario) in sources.Take(MaxSourcesShown))
            yield return $"on {target}: {scenario}";
        if (sources.Count > MaxSourcesShown)
            yield return $"and {sources.Count - MaxSourcesShown} more";
    }
}
