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
        // Equal as both front ends compare snapshots (SnapshotPaths.Normalize): Snapshooter compares
        // the file as it is, and would fail on a final blank line the CLI accepts.
        if (expected == actual)
        {
            // Snapshooter removes its copy of a failed dump once the snapshot matches again; a match
            // found here never reaches it, so the stale copy goes here.
            SnapshotPaths.RemoveMismatchCopy(path);
            return null;
        }
        if (update && expected is not null)
            File.Delete(path); // Snapshooter only writes a snapshot that is missing.

        try
        {
            // Snapshooter asserts through NUnit, which records a failed assertion in the test's result
            // even when the exception is caught; the isolated context keeps that record out of the test,
            // so the runner's message (with the diff below) is the one failure reported.
            using var isolated = new NUnit.Framework.Internal.TestExecutionContext.IsolatedContext();
            // Snapshooter adds its own "__snapshots__" (the same name as SnapshotPaths.Folder) to the folder it is given.
            var areaFolder = Path.GetDirectoryName(Path.GetDirectoryName(path))!;
            Snapshot.Match(actual, new SnapshotFullName(Path.GetFileName(path), areaFolder));
            // Written in update mode: in the bytes the CLI writes (no byte-order mark, one final
            // newline), so the two ways of updating never differ in a commit.
            if (update)
                File.WriteAllText(path, actual);
            return null;
        }
        catch (Exception) when (expected is not null && !update)
        {
            return $"snapshot {path} differs (if the change is meant, run with {SnapshotSwitch.Variable}=1 to accept it):\n{FileSnapshotStore.UnifiedDiff(expected, actual)}";
        }
        catch (Exception exception)
        {
            // Asked to write it, and Snapshooter would not (SNAPSHOOTER_STRICT_MODE forbids writing, say).
            return $"snapshot {path} could not be written: {exception.GetType().Name}: {exception.Message}";
        }
    }
}
