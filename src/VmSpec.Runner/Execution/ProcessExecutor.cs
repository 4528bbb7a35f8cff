using VmSpec.Scenarios;

namespace VmSpec.Runner.Execution;

/// <summary>Process steps, run by the kernel model.</summary>
internal static class ProcessExecutor
{
    public static StepOutcome Execute(RunContext context, Step step) =>
        StepOutcome.Skip($"'{step.Action}' needs the kernel model, which this build does not have yet");
}
