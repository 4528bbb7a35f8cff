using VmSpec.Scenarios;

namespace VmSpec.Runner.Execution;

/// <summary>Sends each step to the executor of its family.</summary>
internal static class StepDispatcher
{
    public static StepOutcome Execute(RunContext context, Step step) => step switch
    {
        MapStep or UnmapStep or ProtectStep or PteStep or SpaceStep or SfenceStep => PagingExecutor.Execute(context, step),
        SegmentStep segment => SegmentExecutor.Execute(context, segment),
        AccessStep access => AccessExecutor.Translate(context, access),
        LoadStep { Pid: null } load => AccessExecutor.Load(context, load),
        StoreStep { Pid: null } store => AccessExecutor.Store(context, store),
        SnapshotStep snapshot => ObservationExecutor.Snapshot(context, snapshot),
        StatsStep stats => ObservationExecutor.Stats(context, stats),
        FramesStep frames => ObservationExecutor.Frames(context, frames),
        _ => ProcessExecutor.Execute(context, step),
    };
}
