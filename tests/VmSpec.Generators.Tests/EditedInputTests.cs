using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace VmSpec.Generators.Tests;

/// <summary>
/// What a warm driver generates after an edit equals what a cold run over the edited inputs would:
/// a file removed or renamed, or a target's kind changed, leaves no output of the old state behind.
/// </summary>
public class EditedInputTests
{
    [Test]
    public void Removing_the_earlier_of_two_clashing_files_gives_the_later_its_test()
    {
        var earlier = GeneratorHarness.Spec("tlb/x-y.yaml", Scenarios.Numbered(1));
        var later = GeneratorHarness.Spec("tlb/x_y.yaml", Scenarios.Numbered(2));
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.AttributeSource, GeneratorHarness.BuiltInTargets);
        var driver = GeneratorHarness.Driver([earlier, later]).RunGenerators(compilation);
        Assert.That(driver.GetRunResult().Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "VMS1003" }), "the two clash before the edit");

        var result = driver.RemoveAdditionalTexts([earlier]).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty, "nothing clashes any more");
            Assert.That(SourceOf(result, "Tlb.XY.g.cs"), Does.Contain("from /repo/specs/tlb/x_y.yaml"), "the test is now the later file's");
        });
    }

    [Test]
    public void Renaming_the_later_of_two_clashing_files_away_from_the_clash_clears_its_error()
    {
        var earlier = GeneratorHarness.Spec("tlb/x-y.yaml", Scenarios.Numbered(1));
        var later = GeneratorHarness.Spec("tlb/x_y.yaml", Scenarios.Numbered(2));
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.AttributeSource, GeneratorHarness.BuiltInTargets);
        var driver = GeneratorHarness.Driver([earlier, later]).RunGenerators(compilation);
        Assert.That(driver.GetRunResult().Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "VMS1003" }), "the two clash before the edit");

        // As many files as before, under other names: what clashes must be found again.
        var result = driver.ReplaceAdditionalText(later, GeneratorHarness.Spec("tlb/z.yaml", Scenarios.Numbered(2)))
            .RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty, "nothing clashes any more");
            Assert.That(result.GeneratedSources.Select(s => s.HintName), Is.EquivalentTo(new[] { "VmSpecSuite.g.cs", "Tlb.XY.g.cs", "Tlb.Z.g.cs" }));
        });
    }

    [Test]
    public void Renaming_a_scenario_file_replaces_its_test_with_one_under_the_new_name()
    {
        var kept = GeneratorHarness.Spec("sv39/kept.yaml", Scenarios.Numbered(1));
        var old = GeneratorHarness.Spec("sv39/old-name.yaml", Scenarios.Numbered(2));
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.AttributeSource, GeneratorHarness.BuiltInTargets);
        var driver = GeneratorHarness.Driver([kept, old]).RunGenerators(compilation);

        var result = driver.ReplaceAdditionalText(old, GeneratorHarness.Spec("sv39/new-name.yaml", Scenarios.Numbered(2)))
            .RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.GeneratedSources.Select(s => s.HintName), Is.EquivalentTo(new[] { "VmSpecSuite.g.cs", "Sv39.Kept.g.cs", "Sv39.NewName.g.cs" }));
            Assert.That(SourceOf(result, "Sv39.NewName.g.cs"), Does.Contain("TestName = \"NewName(sv39)\"").And.Contain("/repo/specs/sv39/new-name.yaml"));
        });
    }

    [Test]
    public void Changing_a_targets_kind_under_the_same_name_moves_its_tests_to_the_new_kinds_scenarios()
    {
        var sv39Only = GeneratorHarness.Spec("sv39/misaligned-megapage.yaml", Scenarios.MisalignedMegapage);
        var shared = GeneratorHarness.Spec("sv39/shared.yaml", Scenarios.SharedBySeveralKinds);
        const string before = "[assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), \"sv39\", Name = \"paging\")]";
        const string after = "[assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.SingleLevelMmu), \"single-level\", Name = \"paging\")]";
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.AttributeSource, before);
        var driver = GeneratorHarness.Driver([sv39Only, shared]).RunGenerators(compilation);
        Assert.That(driver.GetRunResult().GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)), Does.Contain("Sv39.MisalignedMegapage.g.cs"), "sv39 runs it before the edit");

        var registration = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(registration, registration.WithChangedText(SourceText.From(after)));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.GeneratedSources.Select(s => s.HintName), Is.EquivalentTo(new[] { "VmSpecSuite.g.cs", "Sv39.Shared.g.cs" }),
                "no single-level target runs the sv39-only scenario");
            Assert.That(SourceOf(result, "VmSpecSuite.g.cs"), Does.Contain("DeclaredTarget(\"paging\", \"single-level\"").And.Contain("SingleLevelMmu(machine)"));
        });
    }

    private static string SourceOf(GeneratorRunResult result, string hintName) =>
        result.GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();
}
