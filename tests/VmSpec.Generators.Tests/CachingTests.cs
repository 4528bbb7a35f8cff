using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VmSpec.Generators.Tests;

/// <summary>
/// The pipeline's promise: editing one of 200 scenarios re-parses and re-emits that one only; editing
/// C# re-runs neither; moving text within lines re-parses but does not re-emit.
/// </summary>
public class CachingTests
{
    private const int Files = 200;
    private const int Edited = 57;

    [Test]
    public void Editing_one_scenario_reruns_parse_and_emit_for_that_file_only()
    {
        var (driver, compilation, files) = WarmDriver();
        var edited = files[Edited];
        var replacement = GeneratorHarness.Spec($"sv39/s{Edited}.yaml", Scenarios.Numbered(Edited) + "  - read: 0x1000\n");

        var result = driver.ReplaceAdditionalText(edited, replacement).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(Changed(result, ConformanceGenerator.ParseStep), Is.EqualTo(1));
            Assert.That(Changed(result, ConformanceGenerator.EmitStep), Is.EqualTo(1));
            Assert.That(Outputs(result, ConformanceGenerator.ParseStep), Has.Count.EqualTo(Files));
            Assert.That(Outputs(result, ConformanceGenerator.EmitStep), Has.Count.EqualTo(Files));
        });
    }

    [Test]
    public void Editing_one_scenario_leaves_the_clash_check_and_every_other_emit_cached()
    {
        var (driver, compilation, files) = WarmDriver();
        var replacement = GeneratorHarness.Spec($"sv39/s{Edited}.yaml", Scenarios.Numbered(Edited) + "  - read: 0x1000\n");

        var result = driver.ReplaceAdditionalText(files[Edited], replacement).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Multiple(() =>
        {
            Assert.That(Outputs(result, ConformanceGenerator.ClashesStep).Select(o => o.Reason), Is.EqualTo(new[] { IncrementalStepRunReason.Cached }));
            Assert.That(Outputs(result, ConformanceGenerator.EmitStep).Count(o => o.Reason == IncrementalStepRunReason.Cached), Is.EqualTo(Files - 1));
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
            Assert.That(Changed(result, ConformanceGenerator.ParseStep), Is.Zero);
            Assert.That(Changed(result, ConformanceGenerator.EmitStep), Is.Zero);
            Assert.That(Outputs(result, ConformanceGenerator.EmitStep), Has.Count.EqualTo(Files));
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
}
