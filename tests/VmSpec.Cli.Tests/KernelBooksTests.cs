using VmSpec.Core;
using VmSpec.Runner;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Tests;

/// <summary>
/// After every process step the runner checks the kernel's books (docs/kernel.md): a step after
/// which used frames are not the kernel's, the tables' and the resident pages' fails the run there,
/// whatever the scenario expects, so a scenario without a <c>frames</c> step still catches a leak.
/// </summary>
public class KernelBooksTests
{
    // Nothing here counts frames: only the runner's own check can fail it.
    private static readonly Scenario SpawnAndTouch = InlineScenarios.Parse("kernel", "spawn-and-touch",
        """
        description: d
        mmu: [sv39]
        steps:
          - spawn: { pid: 1 }
          - sbrk: { pid: 1, bytes: 4KiB, as: heap }
          - store: { pid: 1, va: heap, value: 1 }
        """);

    [Test]
    public void Tables_that_do_not_add_up_fail_the_run_at_the_first_process_step()
    {
        var target = new MmuTarget("miscounting", machine => new TableFramesCountedTwiceAtTheRoot(machine));

        var result = new ScenarioRunner().Run(SpawnAndTouch, target);

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed), result.Message);
        Assert.That(result.Message, Does.StartWith(SpawnAndTouch.FilePath + "(4,5): after spawn the kernel's books do not balance"));
    }

    [Test]
    public void The_same_steps_on_an_mmu_that_counts_its_tables_right_pass()
    {
        var result = new ScenarioRunner().Run(SpawnAndTouch, BuiltInTargets.All.Single(target => target.Kind == "sv39"));

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Passed), result.Message);
    }

    /// <summary>The built-in Sv39 MMU, but that it says each space holds one table frame more than it does.</summary>
    private sealed class TableFramesCountedTwiceAtTheRoot(Machine machine) : Sv39WithOneBug(machine)
    {
        public override long TableFrames(ushort asid) => Sv39.TableFrames(asid) + 1;
    }
}
