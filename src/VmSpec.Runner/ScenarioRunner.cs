using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Runner.Execution;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Runner;

/// <summary>
/// Runs a scenario on one target: a fresh machine built from the scenario's settings, then each
/// step in order, stopping at the first that fails. An exception from the implementation is a
/// failure of the implementation (an MMU never throws), reported with the step that caused it.
/// </summary>
public sealed class ScenarioRunner(RunOptions? options = null)
{
    private readonly RunOptions _options = options ?? new RunOptions();

    public ScenarioResult Run(Scenario scenario, MmuTarget target)
    {
        if (Applicability.SkipReason(scenario, target) is { } reason)
            return ScenarioResult.Skipped(scenario, target, reason);

        RunContext context;
        try
        {
            var machine = new Machine(MachineOptionsMapper.From(scenario));
            context = new RunContext(scenario, target, machine, target.Create(machine), _options);
            if (scenario.Steps.Any(ProcessSteps.IsProcessStep))
                context.BootKernel(scenario.Kernel.Swap);
        }
        catch (Exception exception)
        {
            return Failed(scenario, target, $"{Location(scenario, default)}: could not build {target.Name}: {exception.Message}", 0, null);
        }

        var stepsRun = 0;
        foreach (var step in scenario.Steps)
        {
            StepOutcome outcome;
            try
            {
                outcome = StepDispatcher.Execute(context, step);
            }
            catch (Exception exception)
            {
                outcome = StepOutcome.Fail($"{step.Action} threw {exception.GetType().Name}: {exception.Message}");
            }

            stepsRun++;
            if (outcome.SkipReason is { } skip)
                return ScenarioResult.Skipped(scenario, target, skip);
            if (outcome.Failure is { } failure)
                return Failed(scenario, target, $"{Location(scenario, step.Span)}: {failure}", stepsRun, context.Mmu);
        }

        return new ScenarioResult(scenario, target, Outcome.Passed, null, stepsRun, Snapshot(context.Mmu));
    }

    /// <summary><c>specs/sv39/x.yaml(12,5)</c>: where editors and CI logs can jump to.</summary>
    public static string Location(Scenario scenario, SourceSpan span) =>
        $"{scenario.FilePath}({Math.Max(span.Line, 1)},{Math.Max(span.Column, 1)})";

    private static ScenarioResult Failed(Scenario scenario, MmuTarget target, string message, int stepsRun, IMmu? mmu) =>
        new(scenario, target, Outcome.Failed, message, stepsRun, mmu is null ? default : Snapshot(mmu));

    private static CounterSnapshot Snapshot(IMmu mmu)
    {
        var counters = mmu.Counters;
        return new CounterSnapshot(counters.TlbHits, counters.TlbMisses, counters.Walks, counters.PteReads, (mmu as IPagingMmu)?.Levels ?? 0);
    }
}
