using VmSpec.Scenarios;

namespace VmSpec.Runner.Snapshots;

/// <summary><c>__snapshots__/&lt;scenario&gt;.&lt;label&gt;.&lt;kind&gt;.snap</c> beside the YAML file; every implementation of a kind shares it.</summary>
public static class SnapshotPaths
{
    public const string Folder = "__snapshots__";

    public static string For(Scenario scenario, string label, string kind) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenario.FilePath)) ?? ".", Folder, $"{scenario.Id}.{label}.{kind}.snap");

    /// <summary>Snapshot text compares with \n line ends and one final newline, whatever wrote it.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF').TrimEnd('\n') + "\n";
}
