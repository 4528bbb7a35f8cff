using VmSpec.Runner;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Tests;

/// <summary>
/// A run stops at the first step that fails and reports that step: the steps after it are not run,
/// so they neither reach the coverage a run records nor replace the failure with one of their own.
/// </summary>
public class RunStopsAtTheFailingStepTests
{
    // Step 2 expects a wrong pa; step 3 would fault, and step 4 would succeed.
    private static readonly Scenario FailsAtTheSecondStep = InlineScenarios.Parse("sv39", "fails-at-the-second-step",
        """
        description: d
        mmu: [sv39]
        steps:
          - map: { va: 0x1000, pa: 0x8020_0000, perm: r }
          - read: 0x1000
            expect: { pa: 0x8020_0004 }
          - read: 0x5000
          - read: 0x1008
        """);

    [Test]
    public void The_failure_names_the_first_failing_step_and_no_later_step_runs()
    {
        var accessed = new List<Step>();
        var runner = new ScenarioRunner(new RunOptions { OnAccess = record => accessed.Add(record.Step) });

        var result = runner.Run(FailsAtTheSecondStep, BuiltInTargets.All.Single(target => target.Kind == "sv39"));

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.StartWith(FailsAtTheSecondStep.FilePath + "(5,5): read 0x1000 expected pa 0x8020_0004"));
        Assert.That(result.StepsRun, Is.EqualTo(2));
        Assert.That(accessed, Is.EqualTo(new[] { FailsAtTheSecondStep.Steps[1] }), "only the failing read was made");
    }
}
