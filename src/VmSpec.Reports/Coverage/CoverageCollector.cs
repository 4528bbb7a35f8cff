using VmSpec.Runner;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Reports.Coverage;

/// <summary>What running a corpus for coverage produced: the points, and how each run went.</summary>
public sealed record CoverageRun(IReadOnlyList<CoveragePoint> Points, IReadOnlyList<ScenarioResult> Results);

/// <summary>
/// Runs scenarios on targets and classifies every access the runner executes with the model of
/// the target's kind, and every process step with the kernel's model when there is one. A run that
/// fails still contributes what it did, up to and including its failing step: those walks happened.
/// </summary>
public static class CoverageCollector
{
    public static CoverageRun Collect(IEnumerable<Scenario> scenarios, IEnumerable<MmuTarget> targets, IReadOnlyList<CoverageModel> models)
    {
        var byKind = models.Where(model => model is not KernelCoverageModel).ToDictionary(model => model.Kind);
        var kernel = models.OfType<KernelCoverageModel>().SingleOrDefault();
        var points = new List<CoveragePoint>();
        var runner = new ScenarioRunner(new RunOptions
        {
            OnAccess = record =>
            {
                if (!byKind.TryGetValue(record.Target.Kind, out var model))
                    return;
                foreach (var cell in model.Classify(record))
                    points.Add(new CoveragePoint(model.Kind, cell, record.Scenario.FilePath, record.Target.Name));
            },
            OnKernelStep = kernel is null ? null : record =>
            {
                foreach (var cell in kernel.Classify(record))
                    points.Add(new CoveragePoint(kernel.Kind, cell, record.Scenario.FilePath, record.Target.Name));
            },
        });

        var targetList = targets.ToList();
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
            foreach (var target in targetList.Where(target => scenario.Mmu.Contains(target.Kind)))
                results.Add(runner.Run(scenario, target));
        return new CoverageRun(points, results);
    }
}
