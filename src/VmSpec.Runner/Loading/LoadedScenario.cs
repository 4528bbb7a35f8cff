using VmSpec.Scenarios;

namespace VmSpec.Runner.Loading;

/// <summary>A scenario file after parsing: the scenario when it is well formed, and every diagnostic either way.</summary>
public sealed record LoadedScenario(string Path, Scenario? Scenario, IReadOnlyList<ScenarioDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(diagnostic => diagnostic.Severity == ScenarioSeverity.Error);

    /// <summary>
    /// Reads and parses each file; a broken file never stops the others. Of two files with one id in
    /// one area, the later (by full path) is refused, as the generator refuses it.
    /// </summary>
    public static IReadOnlyList<LoadedScenario> LoadAll(IEnumerable<ScenarioFile> files)
    {
        var list = files.ToList();
        var loaded = list.Select(Load).ToList();
        var shown = list.Select(file => file.ShownPath).ToList();
        foreach (var repeat in ScenarioIdentity.FindRepeats(list.Select(file => file.FullPath).ToList()))
            loaded[repeat.Index] = loaded[repeat.Index].Refused(repeat.Diagnostic(shown));
        return loaded;
    }

    public static LoadedScenario Load(ScenarioFile file)
    {
        var path = file.ShownPath;
        if (ScenarioIdentity.CheckName(path) is { } misnamed)
            return new LoadedScenario(path, null, [misnamed]);

        byte[] content;
        try
        {
            // Bytes, not text: decoding would turn a byte that is not UTF-8 into U+FFFD without a word.
            content = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new LoadedScenario(path, null, [new ScenarioDiagnostic("VMS0000", ScenarioSeverity.Error, $"cannot read the file: {exception.Message}", path, SourceSpan.Start)]);
        }

        // The parser already withholds the scenario of a file with errors. It reads the area from the
        // path it is given, and the shown one may have lost the specs folder (run from inside it).
        var result = ScenarioParser.ParseUtf8(path, content);
        var scenario = result.Scenario is { } parsed ? parsed with { Area = ScenarioIdentity.Area(file.FullPath) } : null;
        return new LoadedScenario(path, scenario, result.Diagnostics.ToList());
    }

    private LoadedScenario Refused(ScenarioDiagnostic diagnostic) => this with { Scenario = null, Diagnostics = [.. Diagnostics, diagnostic] };
}
