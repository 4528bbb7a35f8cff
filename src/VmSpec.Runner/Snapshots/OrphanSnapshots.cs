using VmSpec.Scenarios;

namespace VmSpec.Runner.Snapshots;

/// <summary>
/// Snapshot files no snapshot step names any more: left behind when a step was removed or a scenario
/// renamed or deleted. Neither front end ever reads them again, so a folder of them only grows.
/// </summary>
public static class OrphanSnapshots
{
    private const string Extension = ".snap";

    /// <summary>
    /// The <c>.snap</c> files in the <c>__snapshots__</c> folders under <paramref name="folders"/> that
    /// no snapshot step of <paramref name="scenarios"/> names, for any kind its <c>mmu</c> lists. Those
    /// of a scenario that could not be read (<paramref name="unreadable"/>, its file's path) are left
    /// alone: what its steps name is unknown.
    /// </summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> folders, IEnumerable<Scenario> scenarios, IEnumerable<string> unreadable)
    {
        var claimed = scenarios
            .SelectMany(scenario => scenario.Steps.OfType<SnapshotStep>()
                .SelectMany(step => scenario.Mmu.Select(kind => SnapshotPaths.For(scenario, step.Label, kind))))
            .ToHashSet(StringComparer.Ordinal);
        var unknown = unreadable
            .Select(path => (Folder: Path.GetDirectoryName(Path.GetFullPath(path)) ?? "", Id: ScenarioIdentity.Id(path)))
            .ToHashSet();

        return folders.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(Path.GetFullPath(folder), "*" + Extension, SearchOption.AllDirectories))
            .Where(path => Path.GetFileName(Path.GetDirectoryName(path)) == SnapshotPaths.Folder)
            .Where(path => !claimed.Contains(path) && !unknown.Contains((Path.GetDirectoryName(Path.GetDirectoryName(path))!, IdOf(path))))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The scenario id a snapshot file is named after: <c>&lt;id&gt;.&lt;label&gt;.&lt;kind&gt;.snap</c>, label and kind holding no dot.</summary>
    private static string IdOf(string snapshot)
    {
        var name = Path.GetFileNameWithoutExtension(snapshot);
        var parts = name.Split('.');
        return parts.Length >= 3 ? string.Join(".", parts[..^2]) : name;
    }
}
