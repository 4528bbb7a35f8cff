using VmSpec.Scenarios;

namespace VmSpec.Runner.Loading;

/// <summary>A scenario file after parsing: the scenario when it is well formed, and every diagnostic either way.</summary>
public sealed record LoadedScenario(string Path, Scenario? Scenario, IReadOnlyList<ScenarioDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(diagnostic => diagnostic.Severity == ScenarioSeverity.Error);

    /// <summary>Reads and parses each file; a broken file never stops the others.</summary>
    public static IReadOnlyList<LoadedScenario> LoadAll(IEnumerable<string> files) => files.Select(Load).ToList();

    public static LoadedScenario Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new LoadedScenario(path, null, [new ScenarioDiagnostic("VMS0000", ScenarioSeverity.Error, $"cannot read the file: {exception.Message}", path, SourceSpan.Start)]);
        }

        // The parser already withholds the scenario of a file with errors.
        var result = ScenarioParser.Parse(path, text);
        return new LoadedScenario(path, result.Scenario, result.Diagnostics.ToList());
    }
}
