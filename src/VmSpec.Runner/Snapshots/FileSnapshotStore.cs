using DiffPlex.Renderer;
using VmSpec.Scenarios;

namespace VmSpec.Runner.Snapshots;

/// <summary>Snapshots as plain text files beside the scenarios, compared with a unified diff on mismatch.</summary>
public sealed class FileSnapshotStore(SnapshotMode mode) : ISnapshotStore
{
    public SnapshotMode Mode { get; } = mode;

    public string? Compare(Scenario scenario, string label, string kind, string actual)
    {
        var path = SnapshotPaths.For(scenario, label, kind);
        actual = SnapshotPaths.Normalize(actual);
        var expected = File.Exists(path) ? SnapshotPaths.Normalize(File.ReadAllText(path)) : null;
        if (expected == actual)
        {
            SnapshotPaths.RemoveMismatchCopy(path);
            return null;
        }

        if (Mode == SnapshotMode.Update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            SnapshotPaths.RemoveMismatchCopy(path);
            return null;
        }

        return expected is null
            ? $"snapshot {path} does not exist (run with --update-snapshots to write it); actual:\n{actual}"
            : $"snapshot {path} differs (if the change is meant, run with --update-snapshots to accept it):\n{UnifiedDiff(expected, actual)}";
    }

    /// <summary>
    /// The diff of two normalized snapshots. Both end in one newline, which the renderer would count
    /// as one more, empty, line of each (<c>@@ -1,6 +1,6 @@</c> for five lines), so it is left out.
    /// </summary>
    public static string UnifiedDiff(string expected, string actual) =>
        UnidiffRenderer.GenerateUnidiff(expected.TrimEnd('\n'), actual.TrimEnd('\n'), "expected", "actual", ignoreWhitespace: false, contextLines: 3);
}
