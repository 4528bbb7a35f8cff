using VmSpec.Runner.Loading;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Commands;

/// <summary>
/// The scenarios under the paths a command was given. Every problem (a missing path, a format
/// error) is printed to the error writer in compiler form, and counted: commands exit 2 on any.
/// </summary>
internal sealed record Corpus(IReadOnlyList<Scenario> Scenarios, int Broken)
{
    public static Corpus Load(IReadOnlyList<string> paths, TextWriter error)
    {
        var files = ScenarioFiles.Discover(paths, out var missing);
        foreach (var path in missing)
            error.WriteLine($"{path}: error VMS0000: no such file or folder");

        var loaded = LoadedScenario.LoadAll(files);
        foreach (var diagnostic in loaded.SelectMany(file => file.Diagnostics))
            error.WriteLine(diagnostic);

        var scenarios = loaded.Select(file => file.Scenario).OfType<Scenario>().ToList();
        return new Corpus(scenarios, loaded.Count(file => file.HasErrors) + missing.Count);
    }
}
