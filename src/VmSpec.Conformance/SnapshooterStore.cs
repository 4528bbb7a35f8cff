using Snapshooter;
using Snapshooter.NUnit;
using VmSpec.Runner.Snapshots;
using VmSpec.Scenarios;

namespace VmSpec.Conformance;

/// <summary>
/// Snapshot steps through Snapshooter, at exactly the file the CLI's <see cref="FileSnapshotStore"/> uses
/// (<see cref="SnapshotPaths.For"/>: the scenario's path comes from the AdditionalFiles item, i.e. from
/// MSBuild, never from a stack frame). Snapshooter would write a missing snapshot and pass, so existence is
/// checked here first; a mismatch is reported as a unified diff rather than Snapshooter's own message.
/// </summary>
public sealed class SnapshooterStore(bool update) : ISnapshotStore
{
    public string? Compare(Scenario scenario, string label, string kind, string actual)
    {
        var path = SnapshotPaths.For(scenario, label, kind);
        actual = SnapshotPaths.Normalize(actual);
        var expected = File.Exists(path) ? SnapshotPaths.Normalize(File.ReadAllText(path)) : null;

        if (expected is null && !update)
            return $"snapshot {path} does not exist (run with {SnapshotSwitch.Variable}=1 to write it); actual:\n{actual}";
        if (update && expected != actual && expected is not null)
            File.Delete(path); // Snapshooter only writes a snapshot that is missing.

        try
        {
            Snapshot.Match(actual, new SnapshotFullName(Path.GetFileName(path), Path.GetDirectoryName(path)!));
            return null;
        }
        catch (Exception) when (expected is not null)
        {
            return $"snapshot {path} differs:\n{FileSnapshotStore.UnifiedDiff(expected, actual)}";
        }
    }
}
