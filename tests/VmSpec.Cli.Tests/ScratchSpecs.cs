namespace VmSpec.Cli.Tests;

/// <summary>A temporary specs folder for one test, removed afterwards.</summary>
internal sealed class ScratchSpecs : IDisposable
{
    /// <summary>The smallest scenario that runs and passes: one sv39 page mapped and read.</summary>
    public const string OneSv39Read = "description: d\nmmu: [sv39]\nsteps:\n  - map: { va: 0x1000, pa: 0x8020_1000, perm: r }\n  - read: 0x1000\n";

    public ScratchSpecs()
    {
        Root = Path.Combine(Path.GetTempPath(), "vmspec-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string yaml)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
