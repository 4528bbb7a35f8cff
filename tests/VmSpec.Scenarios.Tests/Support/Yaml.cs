namespace VmSpec.Scenarios.Tests.Support;

/// <summary>Helpers to parse snippets. Uses ParseCore, which has no catch-all, so a parser bug surfaces as an exception.</summary>
internal static class Yaml
{
    public const string Path = "specs/sv39/sample.yaml";

    /// <summary>Three lines: steps written after it start on line 4.</summary>
    public const string Header = "description: d\nmmu: [sv39]\nsteps:\n";

    public static ParseResult Parse(string yaml, string path = Path) => ScenarioParser.ParseCore(path, yaml);

    /// <summary>Parses a file's raw bytes, as a reader of files on disk does.</summary>
    public static ParseResult Parse(byte[] content, string path = Path) => ScenarioParser.ParseCore(path, content);

    public static Scenario Valid(string yaml)
    {
        var result = Parse(yaml);
        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
        Assert.That(result.Scenario, Is.Not.Null);
        return result.Scenario!;
    }

    /// <summary>Parses one step (written as a list item's body) in a scenario on <paramref name="mmu"/>.</summary>
    public static Step Step(string step, string mmu = "sv39", string settings = "") =>
        Valid($"description: d\nmmu: [{mmu}]\n{settings}steps:\n  - {step}\n").Steps.Single();

    /// <summary>The diagnostics' ids, for tests that check a snippet reports exactly what it should.</summary>
    public static string[] Ids(string yaml) => Parse(yaml).Diagnostics.Select(d => d.Id).ToArray();
}
