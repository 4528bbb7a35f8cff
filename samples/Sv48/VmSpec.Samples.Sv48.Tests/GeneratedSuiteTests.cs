using System.Reflection;
using VmSpec.Conformance.Specs;
using VmSpec.Scenarios;

namespace VmSpec.Samples.Sv48.Tests;

/// <summary>
/// The generated suite of this project: every scenario naming sv48 became one test case, and only
/// those (the registered kind is the only one, so the sv39 corpus adds nothing here).
/// </summary>
public class GeneratedSuiteTests
{
    [Test]
    public void Every_scenario_naming_sv48_is_one_generated_case()
    {
        var root = typeof(GeneratedSuiteTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "VmSpecSpecsRoot").Value!;
        var expected = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(path => ScenarioParser.Parse(path, File.ReadAllText(path)).Scenario!)
            .Where(scenario => scenario.Mmu.Contains("sv48"))
            .Select(scenario => Emitted(scenario.Id) + "(sv48)")
            .Order(StringComparer.Ordinal)
            .ToList();

        var generated = typeof(GeneratedSuiteTests).Assembly.GetTypes()
            .Where(t => t.Namespace == "VmSpec.Conformance.Specs")
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<TestCaseAttribute>())
            .Select(c => c.TestName!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(VmSpecSuite.Harness.Targets.Select(t => (t.Name, t.Kind)), Is.EqualTo(new[] { ("sv48", "sv48") }));
        Assert.That(expected, Has.Count.GreaterThanOrEqualTo(12));
        Assert.That(generated, Is.EqualTo(expected));
    }

    /// <summary>The generator's method name: the file name in PascalCase.</summary>
    private static string Emitted(string id) =>
        string.Concat(id.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
