using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VmSpec.Generators.Tests;

/// <summary>
/// The pipeline's promise: editing one of 200 scenarios re-parses and re-emits that one only; editing
/// C# re-runs neither; adding one parses and emits that one only; moving text within lines
/// re-parses but does not re-emit; and what is cached is never stale: a renamed target re-emits.
/// </summary>
public class CachingTests
{
    private const int Files = 200;
    private const int Edited = 57;

    // One more valid step: Numbered ends without a line break, so the edit starts with one.
    private static readonly string EditedText = Scenarios.Numbered(Edited) + "\n  - read: 0x1000\n";

    [Test]
    public void Editing_one_scenario_reruns_parse_and_emit_for_that_file_only()
    {
        var (driver, compilation, files) = WarmDriver();
        var edited = files[Edited];
        var replacement = GeneratorHarness.Spec($"sv39/s{Edited}.yaml", EditedText);

        var result = driver.ReplaceAdditionalText(edited, replacement).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty, "the edited file is still a valid scenario");
            Assert.That(Count(result, ConformanceGenerator.ParseStep, IncrementalStepRunReason.Modified), Is.EqualTo(1));
            Assert.That(Count(result, ConformanceGenerator.ParseStep, IncrementalStepRunReason.Cached), Is.EqualTo(Files - 1));
            Assert.That(Count(result, ConformanceGenerator.EmitStep, IncrementalStepRunReason.Modified), Is.EqualTo(1), "emitted again, not removed");
            Assert.That(Count(result, ConformanceGenerator.EmitStep, IncrementalStepRunReason.Cached), Is.EqualTo(Files - 1));
            Assert.That(result.GeneratedSources.Single(source => source.HintName.Contains($"S{Edited}", StringComparison.Ordinal)).SourceText.ToString(),
                Does.Contain("0x1000"), "the new step is in the emitted source");
        });
    }

    [Test]
    public void Editing_one_scenario_leaves_the_clash_check_and_every_other_emit_cached()
    {
        var (driver, compilation, files) = WarmDriver();
        var replacement = GeneratorHarness.Spec($"sv39/s{Edited}.yaml", EditedText);

        var result = driver.ReplaceAdditionalText(files[Edited], replacement).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(Outputs(result, ConformanceGenerator.ClashesStep).Select(o => o.Reason), Is.EqualTo(new[] { IncrementalStepRunReason.Cached }));
            Assert.That(Outputs(result, ConformanceGenerator.EmitStep).Count(o => o.Reason == IncrementalStepRunReason.Cached), Is.EqualTo(Files - 1));
        });
    }

    [Test]
    public void Adding_a_scenario_parses_and_emits_that_file_only_and_keeps_the_targets()
    {
        var (driver, compilation, _) = WarmDriver();
        var added = GeneratorHarness.Spec($"sv39/s{Files}.yaml", Scenarios.Numbered(Files));

        var result = driver.AddAdditionalTexts([added]).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(Count(result, ConformanceGenerator.ParseStep, IncrementalStepRunReason.New), Is.EqualTo(1));
            Assert.That(Count(result, ConformanceGenerator.ParseStep, IncrementalStepRunReason.Cached), Is.EqualTo(Files));
            Assert.That(Count(result, ConformanceGenerator.EmitStep, IncrementalStepRunReason.New), Is.EqualTo(1));
            Assert.That(Count(result, ConformanceGenerator.EmitStep, IncrementalStepRunReason.Cached), Is.EqualTo(Files));
            Assert.That(Outputs(result, ConformanceGenerator.TargetsStep).Select(o => o.Reason), Is.All.EqualTo(IncrementalStepRunReason.Cached));
        });
    }

    [Test]
    public void Editing_a_csharp_file_reruns_no_parse_and_no_emit()
    {
        var (driver, compilation, _) = WarmDriver();
        var tree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// touched\n")));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(Count(result, ConformanceGenerator.ParseStep, IncrementalStepRunReason.Cached), Is.EqualTo(Files));
            Assert.That(Count(result, ConformanceGenerator.EmitStep, IncrementalStepRunReason.Cached), Is.EqualTo(Files));
        });
    }

    [Test]
    public void Renaming_a_target_reemits_every_test_under_the_new_name()
    {
        var (driver, compilation, _) = WarmDriver();
        var registration = compilation.SyntaxTrees.Single(tree => tree.ToString() == GeneratorHarness.BuiltInTargets);
        var renamed = GeneratorHarness.BuiltInTargets.Replace("\"sv39\")]", "\"sv39\", Name = \"fast-sv39\")]", StringComparison.Ordinal);

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(registration, registration.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(renamed))))
            .GetRunResult().Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(Count(result, ConformanceGenerator.EmitStep, IncrementalStepRunReason.Modified), Is.EqualTo(Files), "every test's name changed");
            Assert.That(result.GeneratedSources.Single(source => source.HintName == $"Sv39.S{Edited}.g.cs").SourceText.ToString(),
                Does.Contain($"TestName = \"S{Edited}(fast-sv39)\"").And.Not.Contain($"TestName = \"S{Edited}(sv39)\""));
            Assert.That(result.GeneratedSources.Single(source => source.HintName == "VmSpecSuite.g.cs").SourceText.ToString(),
                Does.Contain("DeclaredTarget(\"fast-sv39\", \"sv39\""));
        });
    }

    [Test]
    public void A_comment_added_at_the_end_of_a_line_reparses_to_an_equal_model_and_does_not_reemit()
    {
        var (driver, compilation, files) = WarmDriver();
        var replacement = GeneratorHarness.Spec($"sv39/s{Edited}.yaml", Scenarios.Numbered(Edited).Replace("perm: r }", "perm: r }   # readable"));

        var result = driver.ReplaceAdditionalText(files[Edited], replacement).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(Outputs(result, ConformanceGenerator.ParseStep).Count(o => o.Reason == IncrementalStepRunReason.Unchanged), Is.EqualTo(1),
                "the text changed, so it is parsed again, and the model came out equal");
            Assert.That(Changed(result, ConformanceGenerator.EmitStep), Is.Zero, "but the model is equal, so nothing is emitted again");
        });
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, List<AdditionalText> Files) WarmDriver()
    {
        var files = Enumerable.Range(0, Files).Select(i => (AdditionalText)GeneratorHarness.Spec($"sv39/s{i}.yaml", Scenarios.Numbered(i))).ToList();
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.AttributeSource, GeneratorHarness.BuiltInTargets, "class Unrelated { }");
        var driver = GeneratorHarness.Driver(files, track: true).RunGenerators(compilation);
        Assert.That(driver.GetRunResult().Results.Single().GeneratedSources, Has.Length.EqualTo(Files + 1), "warm-up generated every file");
        return (driver, compilation, files);
    }

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();

    /// <summary>Outputs that are neither Cached nor Unchanged: work that was redone and changed something.</summary>
    private static int Changed(GeneratorRunResult result, string step) =>
        Outputs(result, step).Count(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

    private static int Count(GeneratorRunResult result, string step, IncrementalStepRunReason reason) =>
        Outputs(result, step).Count(o => o.Reason == reason);
}
