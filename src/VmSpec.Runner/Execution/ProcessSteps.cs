using VmSpec.Scenarios;

namespace VmSpec.Runner.Execution;

/// <summary>Which steps belong to the kernel model: a scenario with any of them runs on a booted kernel.</summary>
public static class ProcessSteps
{
    /// <summary>Whether the scenario has a process step, and so runs on a booted kernel.</summary>
    public static bool UsesKernel(Scenario scenario) => scenario.Steps.Any(IsProcessStep);

    public static bool IsProcessStep(Step step) => step is SpawnStep or ForkStep or VforkStep or ExitStep or SwitchStep
        or SbrkStep or MmapStep or MunmapStep or TickStep or LoadStep { Pid: not null } or StoreStep { Pid: not null };
}
