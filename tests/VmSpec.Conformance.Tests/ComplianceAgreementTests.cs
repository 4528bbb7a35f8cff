using System.Reflection;
using VmSpec.Conformance.Specs;
using VmSpec.Reports.Compliance;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Conformance.Tests;

/// <summary>
/// <c>vmspec report</c> and the generated suite give the same numbers: the report over the YAML
/// files, for the registered targets, equals in every implementation × area cell the outcomes of
/// the generated cases run through the harness, from the scenario data the generator compiled in.
/// </summary>
public class ComplianceAgreementTests
{
    [Test]
    public void The_report_counts_what_the_generated_cases_give()
    {
        var harness = VmSpecSuite.Harness;
        var implementations = harness.Targets.Select(target => new Implementation(target.Name, target.Kind)).ToList();
        var suite = ComplianceReport.From(implementations, GeneratedCases().Select(c => harness.Execute(c.Scenario, c.Target)));

        var root = typeof(ComplianceAgreementTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "VmSpecSpecsRoot").Value!;
        var scenarios = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(path => ScenarioParser.Parse(path, File.ReadAllText(path)).Scenario!);
        var targets = harness.Targets.Select(target => new MmuTarget(target.Name, target.Create)).ToList();
        var report = ComplianceReport.Run(scenarios, targets);

        Assert.That(report.Areas, Is.EqualTo(suite.Areas));
        Assert.That(report.Implementations.Sum(i => report.Totals(i.Name).Total), Is.GreaterThan(100));
        Assert.Multiple(() =>
        {
            foreach (var implementation in implementations)
                foreach (var area in report.Areas)
                {
                    var (fromYaml, fromSuite) = (report[implementation.Name, area], suite[implementation.Name, area]);
                    Assert.That((fromYaml.Passed, fromYaml.Failed, fromYaml.Skipped), Is.EqualTo((fromSuite.Passed, fromSuite.Failed, fromSuite.Skipped)),
                        $"{implementation.Name} × {area}");
                }
        });
    }

    private static IEnumerable<(Scenario Scenario, string Target)> GeneratedCases() =>
        from fixture in typeof(ComplianceAgreementTests).Assembly.GetTypes()
        where fixture.Namespace == "VmSpec.Conformance.Specs"
        from method in fixture.GetMethods()
        let data = fixture.GetField(method.Name + "_Data", BindingFlags.NonPublic | BindingFlags.Static)
        where data is not null
        from testCase in method.GetCustomAttributes<TestCaseAttribute>()
        select ((Scenario)data.GetValue(null)!, (string)testCase.Arguments[0]!);
}
