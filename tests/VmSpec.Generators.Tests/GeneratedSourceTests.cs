using DiffPlex.Renderer;

namespace VmSpec.Generators.Tests;

/// <summary>
/// The generated source of a few scenarios, compared with the files in Expected/. To accept a change,
/// run with VMSPEC_UPDATE_SNAPSHOTS=1 and review the diff of Expected/ in git.
/// </summary>
public class GeneratedSourceTests
{
    [TestCase("sv39/misaligned-megapage.yaml", Scenarios.MisalignedMegapage, "Sv39.MisalignedMegapage.g.cs")]
    [TestCase("sv39/shared.yaml", Scenarios.SharedBySeveralKinds, "Sv39.Shared.g.cs")]
    [TestCase("segmentation/limit.yaml", Scenarios.Segments, "Segmentation.Limit.g.cs")]
    public void Scenario_source_matches_expected(string path, string yaml, string hintName)
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Spec(path, yaml)], GeneratorHarness.BuiltInTargets);

        Assert.That(result.Diagnostics, Is.Empty);
        Match(hintName, result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString());
    }

    [Test]
    public void Scenario_fields_are_named_one_per_line()
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Spec("sv39/misaligned-megapage.yaml", Scenarios.MisalignedMegapage)], GeneratorHarness.BuiltInTargets);
        var lines = result.GeneratedSources.Single(s => s.HintName == "Sv39.MisalignedMegapage.g.cs").SourceText.ToString()
            .Replace("\r\n", "\n").Split('\n');

        var fields = typeof(VmSpec.Scenarios.Scenario).GetConstructors().Single().GetParameters().Select(p => p.Name!).ToList();
        var named = lines.Select(line => line.TrimStart()).Where(line => fields.Any(f => line.StartsWith(f + ": ", StringComparison.Ordinal))).ToList();

        Assert.That(named.Select(line => line[..line.IndexOf(':')]), Is.EqualTo(fields), "each field once, in order, at the start of its own line");
        Assert.That(named.Where(line => line != named[^1]), Has.All.EndsWith(","), "one field per line");
    }

    [Test]
    public void Suite_source_builds_each_target_with_its_constructor()
    {
        var result = GeneratorHarness.Run([], GeneratorHarness.BuiltInTargets);

        Match("VmSpecSuite.g.cs", result.GeneratedSources.Single(s => s.HintName == "VmSpecSuite.g.cs").SourceText.ToString());
    }

    [Test]
    public void A_target_with_a_name_of_its_own_runs_its_kinds_scenarios_under_that_name()
    {
        // The kind picks the scenarios; the name is the test case's argument and ends the test's name.
        var result = GeneratorHarness.Run([GeneratorHarness.Spec("sv39/misaligned-megapage.yaml", Scenarios.MisalignedMegapage)],
            """[assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "sv39", Name = "fast-sv39")]""");

        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.GeneratedSources.Single(s => s.HintName == "Sv39.MisalignedMegapage.g.cs").SourceText.ToString(),
                Does.Contain("[global::NUnit.Framework.TestCase(\"fast-sv39\", TestName = \"MisalignedMegapage(fast-sv39)\")]"));
            Assert.That(result.GeneratedSources.Single(s => s.HintName == "VmSpecSuite.g.cs").SourceText.ToString(),
                Does.Contain("new global::VmSpec.Conformance.DeclaredTarget(\"fast-sv39\", \"sv39\", machine => new global::VmSpec.Core.Paging.Sv39Mmu(machine))"));
        });
    }

    [Test]
    public void A_scenario_no_registered_target_runs_emits_no_test()
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Spec("segmentation/limit.yaml", Scenarios.Segments)],
            """[assembly: VmSpec.Conformance.ConformanceTarget(typeof(VmSpec.Core.Paging.Sv39Mmu), "sv39")]""");

        Assert.That(result.GeneratedSources.Select(s => s.HintName), Is.EqualTo(new[] { "VmSpecSuite.g.cs" }));
    }

    [Test]
    public void Only_yaml_files_under_a_specs_folder_are_scenarios()
    {
        var result = GeneratorHarness.Run(
            [
                new InMemoryText("/repo/other/x.yaml", Scenarios.MisalignedMegapage),
                new InMemoryText("/repo/specs/sv39/x.yml.txt", "not: yaml: at: all"),
                new InMemoryText("/repo/specs/sv39/y.yml", Scenarios.MisalignedMegapage),
                new InMemoryText("/repo/specs/sv39/z.YAML", Scenarios.MisalignedMegapage),
            ],
            GeneratorHarness.BuiltInTargets);

        // Only the YAML under specs that the ending keeps out is warned of (VMS0103); nothing else is said.
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "VMS0103", "VMS0103" }));
        Assert.That(result.GeneratedSources, Has.Length.EqualTo(1));
    }

    [Test]
    public void A_folder_whose_name_only_ends_in_specs_holds_no_scenarios()
    {
        // The folder above a scenario is named specs exactly; myspecs/ may belong to another tool.
        var result = GeneratorHarness.Run([new InMemoryText("/repo/myspecs/sv39/x.yaml", Scenarios.MisalignedMegapage)], GeneratorHarness.BuiltInTargets);

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.GeneratedSources.Select(s => s.HintName), Is.EqualTo(new[] { "VmSpecSuite.g.cs" }));
    }

    [Test]
    public void A_relative_path_that_starts_with_the_specs_folder_is_a_scenario()
    {
        var result = GeneratorHarness.Run([new InMemoryText("specs/sv39/x.yaml", Scenarios.MisalignedMegapage)], GeneratorHarness.BuiltInTargets);

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.GeneratedSources.Select(s => s.HintName), Is.EquivalentTo(new[] { "VmSpecSuite.g.cs", "Sv39.X.g.cs" }));
    }

    [Test]
    public void A_line_directive_names_the_yaml_file_verbatim_as_the_compiler_reads_it()
    {
        // No escapes in a #line path: "C:\\x" there would name a file with doubled backslashes.
        const string windowsPath = @"C:\repo\specs\sv39\x.yaml";
        var windows = GeneratorHarness.Run([new InMemoryText(windowsPath, Scenarios.MisalignedMegapage)], GeneratorHarness.BuiltInTargets);
        // A quote cannot stand in a #line path at all: that file's steps go without one.
        var quoted = GeneratorHarness.Run([new InMemoryText("/repo/specs/sv39/say \"x\".yaml", Scenarios.MisalignedMegapage)], GeneratorHarness.BuiltInTargets);

        var windowsSource = windows.GeneratedSources.Single(source => source.HintName != "VmSpecSuite.g.cs").SourceText.ToString();
        var quotedSource = quoted.GeneratedSources.Single(source => source.HintName != "VmSpecSuite.g.cs").SourceText.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(windowsSource, Does.Contain($"#line 7 \"{windowsPath}\"").And.Contain("#line default"));
            Assert.That(quotedSource, Does.Not.Contain("#line"));
            Assert.That(windows.Diagnostics.Concat(quoted.Diagnostics), Is.Empty);
        });
    }

    private static void Match(string name, string actual)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Expected", name + ".txt");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("VMSPEC_UPDATE_SNAPSHOTS") == "1")
        {
            var source = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../Expected", name + ".txt"));
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual);
            return;
        }
        Assert.That(File.Exists(path), $"{path} is missing; run with VMSPEC_UPDATE_SNAPSHOTS=1 to write it. Actual:\n{actual}");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
            Assert.Fail(UnidiffRenderer.GenerateUnidiff(expected, actual, "expected", "actual", ignoreWhitespace: false, contextLines: 3));
    }
}
