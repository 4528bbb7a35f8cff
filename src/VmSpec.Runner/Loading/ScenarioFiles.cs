using VmSpec.Scenarios;

namespace VmSpec.Runner.Loading;

/// <summary>
/// The scenario files under the paths a user names: files as named (whatever their ending, so that a
/// wrong one is reported rather than skipped), folders searched for <c>*.yaml</c>. Each file comes once,
/// however often and however it was named.
/// </summary>
public static class ScenarioFiles
{
    public static IReadOnlyList<ScenarioFile> Discover(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var files = new Dictionary<string, ScenarioFile>(StringComparer.Ordinal);
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                var file = OnDiskPath.Of(path);
                files.TryAdd(file, new ScenarioFile(file, Path.IsPathRooted(path) ? file : Relative(file)));
            }
            else if (Directory.Exists(path))
            {
                var scenarios = Directory.EnumerateFiles(OnDiskPath.Of(path), "*" + ScenarioIdentity.Extension, SearchOption.AllDirectories)
                    .Where(ScenarioIdentity.HasExtension);
                foreach (var file in scenarios)
                    files.TryAdd(file, new ScenarioFile(file, Relative(file)));
            }
            else
            {
                notFound.Add(path);
            }
        }
        missing = notFound;
        return files.Values.OrderBy(file => file.ShownPath, StringComparer.Ordinal).ToList();
    }

    /// <summary>The YAML files under the folders among <paramref name="paths"/> that a scan does not read (<see cref="ScenarioIdentity.IsSkippedYaml"/>).</summary>
    public static IReadOnlyList<string> SkippedYaml(IEnumerable<string> paths) =>
        paths.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(OnDiskPath.Of(folder), "*", SearchOption.AllDirectories))
            .Where(ScenarioIdentity.IsSkippedYaml)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(Relative)
            .ToList();

    // Paths in messages stay short, relative to the working folder, so that editors resolve them.
    private static string Relative(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
}
