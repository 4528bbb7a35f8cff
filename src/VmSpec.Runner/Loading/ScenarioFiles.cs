namespace VmSpec.Runner.Loading;

/// <summary>The scenario files under the paths a user names: files as given, folders searched for *.yaml.</summary>
public static class ScenarioFiles
{
    public static IReadOnlyList<string> Discover(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
                files.Add(path);
            else if (Directory.Exists(path))
                files.UnionWith(Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories).Select(Relative));
            else
                notFound.Add(path);
        }
        missing = notFound;
        return files.ToList();
    }

    // Paths in messages stay as short as the user typed them, so editors resolve them from the working folder.
    private static string Relative(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
}
