namespace VmSpec.Cli.Commands;

/// <summary>
/// The scenario corpus this vmspec was built with: the repository's <c>specs</c> folder (scenario
/// files by area, their snapshots, the schema), copied beside the program at build time.
/// </summary>
internal sealed class ShippedCorpus(string folder)
{
    public static ShippedCorpus BesideTheProgram { get; } = new(Path.Combine(AppContext.BaseDirectory, "corpus"));

    public string Folder { get; } = folder;

    public bool Exists => Directory.Exists(Folder);

    /// <summary>The areas: the folders at the top (sv39, tlb, kernel, ...).</summary>
    public IReadOnlyList<string> Areas =>
        Directory.GetDirectories(Folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>The files of the given areas, and the files at the top that every area's scenarios refer to (the schema), as paths relative to <see cref="Folder"/>.</summary>
    public IReadOnlyList<string> FilesOf(IEnumerable<string> areas) =>
        Directory.GetFiles(Folder)
            .Concat(areas.SelectMany(area => Directory.GetFiles(Path.Combine(Folder, area), "*", SearchOption.AllDirectories)))
            .Select(path => Path.GetRelativePath(Folder, path))
            .Order(StringComparer.Ordinal)
            .ToList();
}
