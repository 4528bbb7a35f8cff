using VmSpec.Core.Mmu;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Runner.Results;

/// <summary>
/// One translation the runner executed, with the settings in force: what coverage is computed
/// from. It describes what the MMU did, not what the scenario said it would do; <see cref="Mmu"/>
/// is the instance that did it, in the state the access left it (its TLB, its current space).
/// </summary>
public sealed record AccessRecord(
    Scenario Scenario,
    Step Step,
    MmuTarget Target,
    IMmu Mmu,
    Access Access,
    Translation Translation,
    bool Sum,
    bool Mxr,
    Core.Paging.AdMode Ad);
