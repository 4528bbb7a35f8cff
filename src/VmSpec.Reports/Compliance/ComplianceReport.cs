using VmSpec.Runner;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Reports.Compliance;

/// <summary>A failed run as the report lists it: the scenario and the first line of the runner's message.</summary>
public sealed record ComplianceFailure(string ScenarioPath, string FirstLine, string Report = "");

/// <summary>How one implementation did on one area: counts, and each failure.</summary>
public sealed record ComplianceCell(int Passed, int Failed, int Skipped, IReadOnlyList<ComplianceFailure> Failures)
{
    public static readonly ComplianceCell Empty = new(0, 0, 0, []);

    public int Total => Passed + Failed + Skipped;
}

/// <summary>An implementation the report has a row for: its name and kind.</summary>
public sealed record Implementation(string Name, string Kind);

/// <summary>
/// Implementation × area: the runs of every scenario on every implementation whose kind it names,
/// the same runs the generated NUnit suite makes (a scenario that does not name a kind is not a
/// run of that kind, so it is neither passed nor skipped there).
/// </summary>
public sealed class ComplianceReport
{
    private readonly Dictionary<(string Implementation, string Area), ComplianceCell> _cells;

    private ComplianceReport(IReadOnlyList<Implementation> implementations, IReadOnlyList<string> areas, Dictionary<(string, string), ComplianceCell> cells)
    {
        Implementations = implementations;
        Areas = areas;
        _cells = cells;
    }

    public IReadOnlyList<Implementation> Implementations { get; }

    public IReadOnlyList<string> Areas { get; }

    /// <summary>An area as a heading: a file directly in specs/ (or in no folder) has the empty area, and a column needs a name.</summary>
    public static string AreaName(string area) => area.Length == 0 ? "(no area)" : area;

    public ComplianceCell this[string implementation, string area] => _cells.GetValueOrDefault((implementation, area), ComplianceCell.Empty);

    public ComplianceCell Totals(string implementation) => Sum(Areas.Select(area => this[implementation, area]));

    public static ComplianceReport Run(IEnumerable<Scenario> scenarios, IReadOnlyList<MmuTarget> targets, RunOptions? options = null)
    {
        var runner = new ScenarioRunner(options);
        var results = scenarios
            .SelectMany(scenario => targets.Where(target => scenario.Mmu.Contains(target.Kind)).Select(target => runner.Run(scenario, target)))
            .ToList();
        return From(targets.Select(target => new Implementation(target.Name, target.Kind)), results);
    }

    /// <summary>The report of runs already made, with a row for every implementation given (even one that ran nothing).</summary>
    public static ComplianceReport From(IEnumerable<Implementation> implementations, IEnumerable<ScenarioResult> results)
    {
        var list = results.ToList();
        var areas = list.Select(result => result.Scenario.Area).Distinct().Order(StringComparer.Ordinal).ToList();
        var cells = list
            .GroupBy(result => (result.Target.Name, result.Scenario.Area))
            .ToDictionary(group => group.Key, group => Cell(group));
        return new ComplianceReport(implementations.ToList(), areas, cells);
    }

    private static ComplianceCell Cell(IEnumerable<ScenarioResult> results)
    {
        var list = results.OrderBy(result => result.Scenario.FilePath, StringComparer.Ordinal).ToList();
        var failures = list
            .Where(result => result.Outcome == Outcome.Failed)
            .Select(result => new ComplianceFailure(result.Scenario.FilePath, FirstLine(result.Message), result.FailureReport))
            .ToList();
        return new ComplianceCell(
            list.Count(result => result.Outcome == Outcome.Passed),
            failures.Count,
            list.Count(result => result.Outcome == Outcome.Skipped),
            failures);
    }

    private static ComplianceCell Sum(IEnumerable<ComplianceCell> cells)
    {
        var list = cells.ToList();
        return new ComplianceCell(list.Sum(cell => cell.Passed), list.Sum(cell => cell.Failed), list.Sum(cell => cell.Skipped),
            list.SelectMany(cell => cell.Failures).ToList());
    }

    private static string FirstLine(string? message) =>
        (message ?? "failed").Split('\n', 2)[0].TrimEnd('\r');
}
