namespace VmSpec.Runner.Snapshots;

public enum SnapshotMode
{
    /// <summary>A missing or different snapshot is a failure (CI).</summary>
    Strict,

    /// <summary>Missing or different snapshots are written with the actual text, and pass.</summary>
    Update,
}
