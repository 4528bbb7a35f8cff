namespace VmSpec.Cli.Tests;

/// <summary>A temporary specs folder for one test, removed afterwards.</summary>
internal sealed class ScratchSpecs : IDisposable
{
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
