using VmSpec.Scenarios;

namespace VmSpec.Runner.Execution;

/// <summary>Steps that look without touching: table snapshots, counters, the frame allocator.</summary>
internal static class ObservationExecutor
{
    public static StepOutcome Snapshot(RunContext context, SnapshotStep step) =>
        context.Snapshots.Compare(context.Scenario, step.Label, context.Target.Kind, context.Mmu.Dump()) is { } difference
            ? StepOutcome.Fail(difference)
            : StepOutcome.Done;

    public static StepOutcome Stats(RunContext context, StatsStep step)
    {
        var counters = context.Mmu.Counters;
        var expect = step.Expect;
        var differences = new List<string>();
        Compare("tlb-hits", expect?.TlbHits, counters.TlbHits, differences);
        Compare("tlb-misses", expect?.TlbMisses, counters.TlbMisses, differences);
        Compare("walks", expect?.Walks, counters.Walks, differences);
        Compare("pte-reads", expect?.PteReads, counters.PteReads, differences);
        return differences.Count == 0 ? StepOutcome.Done : StepOutcome.Fail("stats " + string.Join(", ", differences));
    }

    public static StepOutcome Frames(RunContext context, FramesStep step)
    {
        var frames = context.Machine.Frames;
        var differences = new List<string>();
        Compare("free", step.Expect?.Free, frames.FreeFrames, differences);
        Compare("used", step.Expect?.Used, frames.UsedFrames, differences);
        return differences.Count == 0 ? StepOutcome.Done : StepOutcome.Fail("frames " + string.Join(", ", differences));
    }

    private static void Compare(string name, ulong? expected, long actual, List<string> differences)
    {
        if (expected is { } value && (ulong)actual != value)
            differences.Add($"{name} expected {value}, got {actual}");
    }
}
