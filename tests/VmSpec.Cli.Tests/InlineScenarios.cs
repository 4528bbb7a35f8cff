using VmSpec.Scenarios;

namespace VmSpec.Cli.Tests;

/// <summary>Scenarios written in a test, parsed as if they were files of an area under specs/.</summary>
internal static class InlineScenarios
{
    public static Scenario Parse(string area, string name, string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), "specs", area, name + ".yaml");
        var result = ScenarioParser.Parse(path, yaml);
        Assert.That(result.Diagnostics, Is.Empty, "the test's scenario is well formed");
        return result.Scenario!;
    }
}
