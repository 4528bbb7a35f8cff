using VmSpec.Runner.Results;
using VmSpec.Runner.Snapshots;

namespace VmSpec.Runner;

public sealed record RunOptions
{
    public ISnapshotStore Snapshots { get; init; } = new FileSnapshotStore(SnapshotMode.Strict);

    /// <summary>Called for every translation the runner executes, those the kernel makes for a process included (coverage is built from these).</summary>
    public Action<AccessRecord>? OnAccess { get; init; }

    /// <summary>Called for every process step the kernel runs, with its accounting before and after (the kernel's coverage).</summary>
    public Action<KernelStepRecord>? OnKernelStep { get; init; }
}
