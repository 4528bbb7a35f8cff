using System.Reflection;
using VmSpec.Conformance.Specs;
using VmSpec.Scenarios;

namespace VmSpec.Conformance.Tests;

/// <summary>
/// The generated suite is the whole corpus: the test cases the generator emitted equal, counted
/// independently at run time, the sum over scenario files of the registered targets whose kind the
/// file's mmu list names.
/// </summary>
public class CorpusCountTests
{
    [Test]
    public void Generated_cases_equal_scenarios_times_matching_targets()
    {
        var root = typeof(CorpusCountTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "VmSpecSpecsRoot").Value!;
        // Per target, not per kind: a kind registered twice (a second name for one MMU) runs each scenario twice.
        var targetKinds = VmSpecSuite.Harness.Targets.Select(t => t.Kind).ToList();
        var files = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).ToList();
        var expected = files.Sum(path =>
        {
            var mmu = ScenarioParser.Parse(path, File.ReadAllText(path)).Scenario!.Mmu;
            return targetKinds.Count(mmu.Contains);
        });

        var generated = typeof(CorpusCountTests).Assembly.GetTypes()
            .Where(t => t.Namespace == "VmSpec.Conformance.Specs")
            .SelectMany(t => t.GetMethods())
            .Sum(m => m.GetCustomAttributes<TestCaseAttribute>().Count());

        Assert.That(files, Has.Count.GreaterThan(100), "the specs folder was found");
        Assert.That(generated, Is.EqualTo(expected));
    }
}
