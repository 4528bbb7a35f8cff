using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Runner.Results;

public enum Outcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>
/// How one scenario went on one target. A failure's <see cref="Message"/> starts with the
/// file(line,col) of the failing step, the way compilers print locations.
/// </summary>
public sealed record ScenarioResult(
    Scenario Scenario,
    MmuTarget Target,
    Outcome Outcome,
    string? Message,
    int StepsRun,
    CounterSnapshot Counters)
{
    public static ScenarioResult Skipped(Scenario scenario, MmuTarget target, string reason) =>
        new(scenario, target, Outcome.Skipped, reason, 0, default);

    /// <summary>The message, then the rule the scenario cites (its <c>spec</c>): what a failure is measured against.</summary>
    public string FailureReport =>
        (Message ?? "failed") + (string.IsNullOrWhiteSpace(Scenario.Spec) ? "" : $"\nspec: {Scenario.Spec.Trim()}");
}

/// <summary>The MMU's counters at the end of a run, with the levels a miss reads, for EAT.</summary>
public readonly record struct CounterSnapshot(long TlbHits, long TlbMisses, long Walks, long PteReads, int Levels)
{
    public double HitRatio => TlbHits + TlbMisses == 0 ? 0 : (double)TlbHits / (TlbHits + TlbMisses);

    /// <summary>
    /// The notes' effective access time, EAT = α·(TLB + Mem) + (1 − α)·(TLB + (L + 1)·Mem), where a
    /// miss reads L table levels before the access itself.
    /// </summary>
    public double EffectiveAccessTime(double tlbTime, double memoryTime) =>
        HitRatio * (tlbTime + memoryTime) + (1 - HitRatio) * (tlbTime + (Levels + 1) * memoryTime);
}
