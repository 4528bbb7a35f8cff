namespace VmSpec.Reports.Coverage;

/// <summary>
/// Counts of points per cell for each model, and which scenarios put them there. A reachable cell
/// with no point is a gap in the corpus; a point in a cell the model says cannot occur is a
/// contradiction (the model or the MMU is wrong) and is reported as loudly as a gap.
/// </summary>
public sealed class CoverageMatrix
{
    private readonly IReadOnlyList<CoveragePoint> _points;
    private readonly Dictionary<(string Kind, CoverageCell Cell), int> _counts = [];
    private readonly Dictionary<(string Kind, CoverageCell Cell), SortedSet<string>> _scenarios = [];

    public CoverageMatrix(IReadOnlyList<CoverageModel> models, IEnumerable<CoveragePoint> points)
    {
        Models = models;
        _points = points.Where(point => models.Any(model => model.Kind == point.Kind)).ToList();
        foreach (var point in _points)
        {
            var key = (point.Kind, point.Cell);
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
            if (!_scenarios.TryGetValue(key, out var scenarios))
                _scenarios[key] = scenarios = new SortedSet<string>(StringComparer.Ordinal);
            scenarios.Add(point.ScenarioPath);
        }
    }

    public IReadOnlyList<CoverageModel> Models { get; }

    public int Count(string kind, in CoverageCell cell) => _counts.GetValueOrDefault((kind, cell));

    public IReadOnlyCollection<string> ScenariosOf(string kind, in CoverageCell cell) =>
        _scenarios.TryGetValue((kind, cell), out var scenarios) ? scenarios : [];

    /// <summary>Which MMU (by target name) in which scenario put points in a cell, each pair once: where to look when the cell cannot occur.</summary>
    public IReadOnlyList<(string Target, string ScenarioPath)> SourcesOf(string kind, CoverageCell cell) =>
        _points.Where(point => point.Kind == kind && point.Cell == cell)
            .Select(point => (point.Target, point.ScenarioPath))
            .Distinct()
            .Order()
            .ToList();

    public IEnumerable<CellStatus> Cells =>
        from model in Models
        from cell in model.Cells
        select Status(model, model.Rule(cell.Rule)!, cell);

    /// <summary>A cell of a rule's row with its count and, if it cannot occur, why.</summary>
    public CellStatus Status(CoverageModel model, CoverageRule rule, in CoverageCell cell) =>
        new(model.Kind, cell, Count(model.Kind, cell), rule.Unreachable(cell));

    /// <summary>Reachable cells no executed access landed in.</summary>
    public IEnumerable<CellStatus> EmptyReachable => Cells.Where(status => status.Reachable && status.Count == 0);

    /// <summary>Cells the model says cannot occur, yet an access landed in.</summary>
    public IEnumerable<CellStatus> Contradictions => Cells.Where(status => !status.Reachable && status.Count > 0);

    /// <summary>The matrix as it would be had one scenario file not been run.</summary>
    public CoverageMatrix Without(string scenarioPath) =>
        new(Models, _points.Where(point => point.ScenarioPath != scenarioPath));
}

/// <summary>A cell of a kind's matrix, how many points it holds, and why it cannot occur if it cannot.</summary>
public readonly record struct CellStatus(string Kind, CoverageCell Cell, int Count, string? UnreachableReason)
{
    public bool Reachable => UnreachableReason is null;

    public override string ToString() => $"{Kind} {Cell}";
}
