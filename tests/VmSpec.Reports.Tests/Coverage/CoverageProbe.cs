using VmSpec.Reports.Coverage;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Reports.Tests.Coverage;

/// <summary>Runs inline scenarios on the built-in MMUs and gives the coverage cells each kind's accesses landed in.</summary>
internal static class CoverageProbe
{
    public static CoverageRun Run(params Scenario[] scenarios) =>
        CoverageCollector.Collect(scenarios, BuiltInTargets.All, CoverageModels.For(BuiltInTargets.All, scenarios, out _));

    /// <summary>The cells of one kind, as "rule place mode op" strings, in the order the accesses ran.</summary>
    public static List<string> Cells(string kind, string area, string yaml)
    {
        var run = Run(InlineScenarios.Parse(area, "probe", yaml));
        Assert.That(run.Results.Where(result => result.Target.Kind == kind).Select(result => result.Outcome),
            Is.All.EqualTo(Outcome.Passed), () => string.Join("\n", run.Results.Select(result => result.Message)));
        return run.Points.Where(point => point.Kind == kind).Select(point => point.Cell.ToString()).ToList();
    }
}
