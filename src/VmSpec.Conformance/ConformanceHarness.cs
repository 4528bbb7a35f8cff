using System.Collections.Concurrent;
using NUnit.Framework;
using VmSpec.Runner;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Conformance;

/// <summary>
/// Runs one generated test case: the scenario on the named target through the same runner as the CLI,
/// then Passed returns, Skipped is <see cref="Assert.Ignore(string)"/> with the reason and Failed is
/// <see cref="Assert.Fail(string)"/> with the runner's <c>file(line,col): ...</c> message.
/// </summary>
public sealed class ConformanceHarness(IReadOnlyList<DeclaredTarget> targets)
{
    private readonly ConcurrentDictionary<string, MmuTarget> _built = new(StringComparer.Ordinal);

    public IReadOnlyList<DeclaredTarget> Targets { get; } = targets;

    public void Run(Scenario scenario, string targetName)
    {
        var result = Execute(scenario, targetName);
        switch (result.Outcome)
        {
            case Outcome.Skipped:
                Assert.Ignore(result.Message ?? "skipped");
                break;
            case Outcome.Failed:
                Assert.Fail(result.FailureReport);
                break;
        }
    }

    public ScenarioResult Execute(Scenario scenario, string targetName)
    {
        var declared = Targets.FirstOrDefault(t => t.Name == targetName)
            ?? throw new ArgumentException($"no conformance target is named {targetName}", nameof(targetName));
        var target = _built.GetOrAdd(targetName, name => new MmuTarget(name, declared.Create));
        if (target.Kind != declared.Kind)
        {
            // The generator picked the scenarios by the declared kind; running them on another kind would be a lie.
            return new ScenarioResult(scenario, target, Outcome.Failed,
                $"target {targetName} was registered as kind {declared.Kind} but its Kind is {target.Kind}", 0, default);
        }
        var options = new RunOptions { Snapshots = new SnapshooterStore(SnapshotSwitch.Update) };
        return new ScenarioRunner(options).Run(scenario, target);
    }
}
