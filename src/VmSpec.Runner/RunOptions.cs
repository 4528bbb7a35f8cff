using VmSpec.Runner.Results;
using VmSpec.Runner.Snapshots;

namespace VmSpec.Runner;

public sealed record RunOptions
{
    public ISnapshotStore Snapshots { get; init; } = new FileSnapshotStore(SnapshotMode.Strict);

    /// <summary>Called for every translation the runner executes (coverage is built from these).</summary>
    public Action<AccessRecord>? OnAccess { get; init; }
}
