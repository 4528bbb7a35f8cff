using VmSpec.Scenarios;

namespace VmSpec.Runner.Snapshots;

/// <summary><c>__snapshots__/&lt;scenario&gt;.&lt;label&gt;.&lt;kind&gt;.snap</c> beside the YAML file; every implementation of a kind shares it.</summary>
public static class SnapshotPaths
{
    public const string Folder = "__snapshots__";

    public static string For(Scenario scenario, string label, string kind) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenario.FilePath)) ?? ".", Folder, $"{scenario.Id}.{label}.{kind}.snap");

    /// <summary>
    /// Where Snapshooter leaves the dump of a failed comparison: <c>__mismatch__</c> beside the
    /// snapshot. Either front end removes it once the snapshot matches or is rewritten.
    /// </summary>
    public static string MismatchCopy(string snapshot) =>
        Path.Combine(Path.GetDirectoryName(snapshot)!, "__mismatch__", Path.GetFileName(snapshot));

    /// <summary>Removes the dump a failed comparison left, if one is there, and its folder once empty.</summary>
    public static void RemoveMismatchCopy(string snapshot)
    {
        var copy = MismatchCopy(snapshot);
        if (!File.Exists(copy))
            return;
        File.Delete(copy);
        var folder = Path.GetDirectoryName(copy)!;
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
            Directory.Delete(folder);
    }

    /// <summary>Snapshot text compares with \n line ends and one final newline, whatever wrote it.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF').TrimEnd('\n') + "\n";
}
