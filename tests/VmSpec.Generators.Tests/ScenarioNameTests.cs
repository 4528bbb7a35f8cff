using Microsoft.CodeAnalysis;

namespace VmSpec.Generators.Tests;

/// <summary>
/// Files whose names would give two scenarios one test, or a scenario no name: each is an error on
/// the file that yields (the later path in ordinal order), never a crashed generator (CS8785), and
/// every other file still gets its test.
/// </summary>
public class ScenarioNameTests
{
    [Test]
    public void One_id_twice_in_an_area_is_VMS0102_on_the_later_file_naming_both()
    {
        var result = GeneratorHarness.Run(
            [Spec("sv39/x.yaml", 1), Spec("sv39/sub/x.yaml", 2), Spec("sv39/other.yaml", 3)],
            GeneratorHarness.BuiltInTargets);

        var diagnostic = result.Diagnostics.Single();
        var span = diagnostic.Location.GetLineSpan();
        Assert.Multiple(() =>
        {
            Assert.That(result.Exception, Is.Null);
            Assert.That(diagnostic.Id, Is.EqualTo("VMS0102"));
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(span.Path, Is.EqualTo("/repo/specs/sv39/x.yaml"), "'sub/x.yaml' comes first in ordinal order");
            Assert.That((span.StartLinePosition.Line, span.StartLinePosition.Character), Is.EqualTo((0, 0)));
            Assert.That(diagnostic.GetMessage(), Does.Contain("'/repo/specs/sv39/x.yaml'").And.Contain("'/repo/specs/sv39/sub/x.yaml'"));
            Assert.That(HintNames(result), Is.EquivalentTo(new[] { "VmSpecSuite.g.cs", "Sv39.X.g.cs", "Sv39.Other.g.cs" }));
            Assert.That(Source(result, "Sv39.X.g.cs"), Does.Contain("/repo/specs/sv39/sub/x.yaml"), "the earlier file keeps its test");
        });
    }

    [Test]
    public void Which_file_yields_does_not_depend_on_the_order_the_files_come_in()
    {
        var forward = GeneratorHarness.Run([Spec("sv39/x.yaml", 1), Spec("sv39/sub/x.yaml", 2)], GeneratorHarness.BuiltInTargets);
        var backward = GeneratorHarness.Run([Spec("sv39/sub/x.yaml", 2), Spec("sv39/x.yaml", 1)], GeneratorHarness.BuiltInTargets);

        Assert.That(backward.Diagnostics.Select(d => d.ToString()), Is.EqualTo(forward.Diagnostics.Select(d => d.ToString())));
        Assert.That(Source(backward, "Sv39.X.g.cs"), Is.EqualTo(Source(forward, "Sv39.X.g.cs")));
    }

    [TestCase("tlb/x-y.yaml", "tlb/x_y.yaml", "Tlb.XY")]
    [TestCase("sv39/a-b.yaml", "sv39/ab.yaml", "Sv39.Ab")] // AB and Ab differ in C#, but the compiler compares hint names ignoring case
    [TestCase("tlb/tlb-scenario.yaml", "tlb/tlb.yaml", "Tlb.TlbScenario")] // tlb is renamed away from its class's name, onto the other
    [TestCase("vm-spec-suite-area/x.yaml", "vm-spec-suite/x.yaml", "VmSpecSuiteArea.X")] // an area is renamed away from the suite class
    public void Two_ids_that_become_one_test_name_are_VMS1003_on_the_later_file(string earlier, string later, string test)
    {
        var result = GeneratorHarness.Run([Spec(later, 1), Spec(earlier, 2), Spec("sv39/other.yaml", 3)], GeneratorHarness.BuiltInTargets);

        var diagnostic = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Exception, Is.Null);
            Assert.That((diagnostic.Id, diagnostic.Severity), Is.EqualTo(("VMS1003", DiagnosticSeverity.Error)));
            Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo("/repo/specs/" + later));
            Assert.That(diagnostic.GetMessage(), Does.Contain($"'/repo/specs/{later}' and '/repo/specs/{earlier}' both become the test {test}"));
            Assert.That(result.GeneratedSources, Has.Length.EqualTo(3), "the suite, the earlier file and the other file");
            Assert.That(result.GeneratedSources.Select(s => s.SourceText.ToString()), Has.Some.Contains("/repo/specs/" + earlier));
        });
    }

    [Test]
    public void A_file_given_twice_is_VMS1004_not_a_crash()
    {
        var result = GeneratorHarness.Run([Spec("sv39/x.yaml", 1), Spec("sv39/x.yaml", 1), Spec("sv39/other.yaml", 3)], GeneratorHarness.BuiltInTargets);

        Assert.Multiple(() =>
        {
            Assert.That(result.Exception, Is.Null);
            Assert.That((result.Diagnostics.Single().Id, result.Diagnostics.Single().Severity), Is.EqualTo(("VMS1004", DiagnosticSeverity.Error)));
            Assert.That(result.Diagnostics.Single().Location.GetLineSpan().Path, Is.EqualTo("/repo/specs/sv39/x.yaml"));
            Assert.That(HintNames(result), Is.EquivalentTo(new[] { "VmSpecSuite.g.cs", "Sv39.Other.g.cs" }));
        });
    }

    [Test]
    public void A_file_named_only_dot_yaml_has_no_id_and_is_VMS0101()
    {
        var result = GeneratorHarness.Run([Spec("sv39/.yaml", 1), Spec("sv39/other.yaml", 3)], GeneratorHarness.BuiltInTargets);

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Single().Id, Is.EqualTo("VMS0101"));
            Assert.That(result.Diagnostics.Single().Location.GetLineSpan().Path, Is.EqualTo("/repo/specs/sv39/.yaml"));
            Assert.That(HintNames(result), Is.EquivalentTo(new[] { "VmSpecSuite.g.cs", "Sv39.Other.g.cs" }));
        });
    }

    [Test]
    public void A_file_with_no_id_claims_no_test_name_from_the_file_that_has_it()
    {
        // ".yaml" has no id; "_.yaml" has no letters or digits, so its method is "_", the name ".yaml" would have.
        var result = GeneratorHarness.Run([Spec("sv39/.yaml", 1), Spec("sv39/_.yaml", 2)], GeneratorHarness.BuiltInTargets);

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "VMS0101" }));
            Assert.That(HintNames(result), Is.EquivalentTo(new[] { "VmSpecSuite.g.cs", "Sv39._.g.cs" }));
        });
    }

    [Test]
    public void A_very_long_name_gives_a_short_hint_name_that_still_tells_it_apart()
    {
        var stem = new string('n', 600);
        var result = GeneratorHarness.Run([Spec($"sv39/{stem}-a.yaml", 1), Spec($"sv39/{stem}-b.yaml", 2)], GeneratorHarness.BuiltInTargets);

        var hints = HintNames(result).Where(h => h != "VmSpecSuite.g.cs").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(hints, Has.Count.EqualTo(2).And.All.Length.LessThanOrEqualTo(85));
            Assert.That(hints.Distinct(StringComparer.OrdinalIgnoreCase).Count(), Is.EqualTo(2));
        });
    }

    private static InMemoryText Spec(string path, int number) => GeneratorHarness.Spec(path, Scenarios.Numbered(number));

    private static List<string> HintNames(GeneratorRunResult result) => result.GeneratedSources.Select(s => s.HintName).ToList();

    private static string Source(GeneratorRunResult result, string hintName) =>
        result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
}
