using VmSpec.Core;
using VmSpec.Core.Mmu;
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
        }
        catch (Exception exception)
        {
            return Failed(scenario, target, $"{Location(scenario, default)}: could not build {target.Name}: {exception.Message}", 0, null);
        }

        // The kernel boots because of the first process step, so a boot that fails is reported there.
        if (scenario.Steps.FirstOrDefault(ProcessSteps.IsProcessStep) is { } firstProcessStep)
        {
            try
            {
                context.BootKernel(scenario.Kernel.Swap);
            }
            catch (Exception exception)
            {
                return Failed(scenario, target, $"{Location(scenario, firstProcessStep.Span)}: could not boot the kernel on {target.Name}: {exception.Message}", 0, context.Mmu);
            }
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
                outcome = StepOutcome.Fail($"{step.Action} threw {Thrown.Describe(exception)}");
            }

            stepsRun++;
            if (outcome.SkipReason is { } skip)
                return ScenarioResult.Skipped(scenario, target, skip);
            if (outcome.Failure is { } failure)
                return Failed(scenario, target, $"{Location(scenario, step.Span)}: {failure}", stepsRun, context.Mmu);
        }

        if (!TrySnapshot(context.Mmu, target, out var counters, out var problem))
            return Failed(scenario, target, $"{Location(scenario, default)}: {problem}", stepsRun, null);
        return new ScenarioResult(scenario, target, Outcome.Passed, null, stepsRun, counters);
    }

    /// <summary><c>specs/sv39/x.yaml(12,5)</c>: where editors and CI logs can jump to.</summary>
    public static string Location(Scenario scenario, SourceSpan span) =>
        $"{scenario.FilePath}({Math.Max(span.Line, 1)},{Math.Max(span.Column, 1)})";

    /// <summary>A failed run keeps its own message; counters it cannot read are left at zero.</summary>
    private static ScenarioResult Failed(Scenario scenario, MmuTarget target, string message, int stepsRun, IMmu? mmu)
    {
        var counters = default(CounterSnapshot);
        if (mmu is not null)
            TrySnapshot(mmu, target, out counters, out _);
        return new(scenario, target, Outcome.Failed, message, stepsRun, counters);
    }

    /// <summary>The counters are the implementation's code too, read after the last step: one that throws fails the run.</summary>
    private static bool TrySnapshot(IMmu mmu, MmuTarget target, out CounterSnapshot snapshot, out string? problem)
    {
        try
        {
            var counters = mmu.Counters;
            snapshot = new CounterSnapshot(counters.TlbHits, counters.TlbMisses, counters.Walks, counters.PteReads, target.Levels);
            problem = null;
            return true;
        }
        catch (Exception exception)
        {
            snapshot = default;
            problem = $"reading {target.Name}'s counters threw {Thrown.Describe(exception)}";
            return false;
        }
    }
}
