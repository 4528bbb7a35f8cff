using System.Reflection;
using VmSpec.Conformance.Specs;
using VmSpec.Core;
using VmSpec.Core.Mmu;
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
        var expected = Sv48Scenarios()
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

    // A scenario needing a feature the MMU does not declare is skipped, not failed, so a feature
    // dropped from the constructor would turn its scenarios off with the suite still green.
    [Test]
    public void Sv48_declares_every_feature_its_scenarios_require()
    {
        var required = Sv48Scenarios().SelectMany(scenario => scenario.Requires).Distinct().ToList();
        var mmu = new Sv48Mmu(new Machine(new MachineOptions()));

        Assert.That(mmu.Features, Is.EquivalentTo(new[] { MmuFeatures.Superpages, MmuFeatures.Asid, MmuFeatures.Svade }));
        Assert.That(required, Is.SubsetOf(mmu.Features));
    }

    private static IEnumerable<Scenario> Sv48Scenarios()
    {
        var root = typeof(GeneratedSuiteTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "VmSpecSpecsRoot").Value!;
        return Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(path => ScenarioParser.Parse(path, File.ReadAllText(path)).Scenario!)
            .Where(scenario => scenario.Mmu.Contains("sv48"));
    }

    /// <summary>The generator's method name: the file name in PascalCase.</summary>
    private static string Emitted(string id) =>
        string.Concat(id.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
