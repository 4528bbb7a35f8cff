using VmSpec.Core.Kernel;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Runner.Results;

/// <summary>
/// One process step the kernel ran: a call, or a load or store by a process. Like
/// <see cref="AccessRecord"/> it describes what the kernel did, never what the scenario expected:
/// the kernel's accounting before and after the step, and its result. <see cref="Address"/> is
/// the resolved address of a load or store, else null.
/// </summary>
public sealed record KernelStepRecord(
    Scenario Scenario,
    Step Step,
    MmuTarget Target,
    Kernel Kernel,
    KernelStats Before,
    KernelStats After,
    KernelResult Result,
    ulong? Address);
