using VmSpec.Cli.Commands;
using VmSpec.Reports.Coverage;
using VmSpec.Runner.Loading;
using VmSpec.Runner.Targets;

namespace VmSpec.Cli.Tests;

/// <summary>
/// <c>vmspec coverage</c> on the corpus: no reachable cell is empty, the page in docs/ is what the
/// command writes, and removing the only scenario of a cell is caught and named.
/// </summary>
public class CoverageCommandTests
{
    private static readonly Lazy<CoverageMatrix> CorpusMatrix = new(() =>
    {
        var scenarios = LoadedScenario.LoadAll(ScenarioFiles.Discover([RepositoryPaths.Specs], out _))
            .Select(file => file.Scenario!).ToList();
        var models = CoverageModels.For(BuiltInTargets.All, scenarios, out _);
        var run = CoverageCollector.Collect(scenarios, BuiltInTargets.All, models);
        return new CoverageMatrix(models, run.Points);
    });

    [Test]
    public void No_reachable_cell_of_the_corpus_is_empty_and_none_that_cannot_occur_is_reached()
    {
        var matrix = CorpusMatrix.Value;

        Assert.That(matrix.EmptyReachable.Select(status => status.ToString()), Is.Empty, "add a scenario that reaches each of these cells");
        Assert.That(matrix.Contradictions.Select(status => status.ToString()), Is.Empty);
    }

    [Test]
    public void Coverage_min_on_the_corpus_exits_0()
    {
        var run = CliRun.Of("coverage", RepositoryPaths.Specs, "--min");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Contain("Every reachable cell is covered."));
    }

    [Test]
    public void A_markdown_page_names_the_command_that_wrote_it()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        var folder = Path.Combine(specs.Root, "my specs");
        Directory.Move(Path.Combine(specs.Root, "sv39"), Directory.CreateDirectory(folder).FullName + "/sv39");

        var run = CliRun.Of("coverage", folder, "--format", "markdown", "--mmu", "sv39");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output.ReplaceLineEndings("\n"), Does.Contain($"\nvmspec coverage '{folder}' --format markdown --mmu sv39\n"));
    }

    [Test]
    public void Docs_coverage_md_is_what_the_command_generates()
    {
        var command = CoverageCommand.Invocation(["specs"], [], null, "docs/coverage.md");
        var text = new StringWriter { NewLine = "\n" };
        CoverageMarkdownWriter.Write(CorpusMatrix.Value, text, command);

        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "coverage.md")).ReplaceLineEndings("\n");

        Assert.That(command, Is.EqualTo("vmspec coverage specs --format markdown --output docs/coverage.md"));
        Assert.That(page, Is.EqualTo(text.ToString()), "docs/coverage.md is stale: run `dotnet run --project src/VmSpec.Cli -- coverage specs --format markdown --output docs/coverage.md`");
    }

    [Test]
    public void Every_cell_with_a_single_scenario_empties_when_that_scenario_is_left_out()
    {
        var matrix = CorpusMatrix.Value;
        var soleCovers = matrix.Cells
            .Where(status => status.Reachable && matrix.ScenariosOf(status.Kind, status.Cell).Count == 1)
            .ToList();

        Assert.That(soleCovers, Is.Not.Empty, "some cell has a single scenario");
        Assert.Multiple(() =>
        {
            foreach (var status in soleCovers)
            {
                var only = matrix.ScenariosOf(status.Kind, status.Cell).Single();
                Assert.That(matrix.Without(only).EmptyReachable, Does.Contain(status with { Count = 0 }), $"{status} without {only}");
            }
        });
    }

    [Test]
    public void Deleting_the_only_sv39_scenario_of_a_cell_makes_min_exit_1_and_name_the_cell()
    {
        var matrix = CorpusMatrix.Value;
        var cell = matrix.Cells.First(status => status.Kind == "sv39" && status.Reachable && matrix.ScenariosOf("sv39", status.Cell).Count == 1);
        var only = matrix.ScenariosOf("sv39", cell.Cell).Single();
        using var specs = new ScratchSpecs();
        CopyTree(RepositoryPaths.Specs, specs.Root);
        File.Delete(Path.Combine(specs.Root, Path.GetRelativePath(RepositoryPaths.Specs, only)));

        var run = CliRun.Of("coverage", specs.Root, "--min");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain($"  {cell}\n").Or.Contain($"  {cell}{Environment.NewLine}"));
    }

    [Test]
    public void A_corpus_with_gaps_prints_them_and_min_exits_1_while_plain_coverage_exits_0()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", """
            description: one mapped page read once
            mmu: [sv39]
            steps:
              - map: { va: 0x1000, pa: 0x8020_1000, perm: r }
              - read: 0x1000
            """);

        var plain = CliRun.Of("coverage", specs.Root);
        var min = CliRun.Of("coverage", specs.Root, "--min");

        Assert.That(plain.ExitCode, Is.EqualTo(0), plain.ToString());
        Assert.That(plain.Output, Does.Contain("sv39 invalid L2 U R").And.Contain("Empty reachable cells"));
        Assert.That(plain.Output, Does.Not.Contain("sv39 translate L0 U R\n"));
        Assert.That(plain.Output, Does.Not.Contain("single-level (rule").And.Not.Contain("segmentation (rule"), "a kind no scenario names has no matrix");
        Assert.That(min.ExitCode, Is.EqualTo(1), min.ToString());
    }

    [Test]
    public void Min_exits_1_for_a_cell_that_cannot_occur_even_when_no_reachable_cell_is_empty()
    {
        // The corpus fills every reachable cell; the plug-in's one bug (S mode executes user pages) adds points where none can be.
        var plugin = typeof(SupervisorExecutesUserPages).Assembly.Location;

        var run = CliRun.Of("coverage", RepositoryPaths.Specs, "--plugin", plugin, "--min");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Match(@"error: --min: 0 reachable cell\(s\) empty, [1-9][0-9]* reached that cannot occur"));
    }

    [Test]
    public void With_min_and_an_output_file_each_empty_cell_is_named_on_stderr()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        var file = Path.Combine(specs.Root, "coverage.txt");

        var run = CliRun.Of("coverage", specs.Root, "--min", "--output", file);

        // The matrix went to the file: the console is where the gate says which cells it wants filled.
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error, Does.Contain("sv39 invalid L2 U R").And.Contain("sv39 rwx-denied L1 S X"));
        Assert.That(run.Error, Does.Not.Contain("sv39 translate L0 U R\n").And.Not.Contain($"sv39 translate L0 U R{Environment.NewLine}"));
    }

    [Test]
    public void A_failing_run_is_a_warning_and_plain_coverage_still_exits_0()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/wrong.yaml", ScratchSpecs.OneSv39Read + "    expect: { pa: 0x8020_2000 }\n");

        var run = CliRun.Of("coverage", specs.Root);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Error, Does.Contain("warning: 1 run(s) failed"));
    }

    [Test]
    public void With_mmu_only_that_kind_is_charted_so_min_gates_part_of_the_corpus()
    {
        // sv39 and tlb scenarios list single-level too, but fill only sv39's matrix.
        string[] areas = [Path.Combine(RepositoryPaths.Specs, "sv39"), Path.Combine(RepositoryPaths.Specs, "tlb")];

        var all = CliRun.Of(["coverage", .. areas, "--min"]);
        var sv39 = CliRun.Of(["coverage", .. areas, "--mmu", "sv39", "--min"]);

        Assert.Multiple(() =>
        {
            Assert.That(all.ExitCode, Is.EqualTo(1), all.ToString());
            Assert.That(all.Output, Does.Contain("single-level ("));
            Assert.That(all.Error, Does.Match(@"error: --min: [1-9][0-9]* reachable cell\(s\) empty, 0 reached that cannot occur"));
            Assert.That(sv39.ExitCode, Is.Zero, sv39.ToString());
            Assert.That(sv39.Output, Does.StartWith("sv39 (").And.Not.Contain("single-level ("));
        });
    }

    [Test]
    public void A_kind_no_mmu_has_is_refused()
    {
        var run = CliRun.Of("coverage", RepositoryPaths.Specs, "--mmu", "sv64");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("error: no MMU of kind or name 'sv64'"));
    }

    [Test]
    public void Markdown_goes_to_the_output_file()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        var file = Path.Combine(specs.Root, "coverage.md");

        var run = CliRun.Of("coverage", specs.Root, "--format", "markdown", "--output", file);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Is.Empty);
        Assert.That(File.ReadAllText(file), Does.StartWith("# Spec coverage").And.Contain("| `translate` | "));
    }

    [Test]
    public void A_broken_scenario_exits_2_with_its_location()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/bad.yaml", "description: d\nmmu: [sv39]\nsteps:\n  - read: nowhere+\n");

        var run = CliRun.Of("coverage", specs.Root, "--min");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Match(@"bad\.yaml\(4,\d+\): error VMS"));
    }

    [Test]
    public void A_radix_plug_in_gets_a_matrix_over_its_own_levels_and_its_corpus_fills_it()
    {
        var sv48 = typeof(VmSpec.Samples.Sv48.Sv48Mmu).Assembly.Location;

        var run = CliRun.Of("coverage", Path.Combine(RepositoryPaths.Specs, "sv48"), "--plugin", sv48, "--min");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Match(@"sv48 \(rule x level x mode x op\): (\d+) of \1 reachable cells covered, 0 empty"));
        Assert.That(run.Output, Does.Contain("Every reachable cell is covered."));
        Assert.That(run.Output, Does.Match(@"level +L3 +L2 +L1 +L0 +none"));
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    public void A_plug_in_no_model_fits_is_named_and_its_accesses_are_not_counted()
    {
        using var specs = new ScratchSpecs();
        specs.Write("plug/identity.yaml", "description: d\nmmu: [identity]\nsteps:\n  - read: 0x8000_1000\n");

        var run = CliRun.Of("coverage", specs.Root, "--plugin", typeof(IdentityMmu).Assembly.Location);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Error, Does.Contain("kind identity has no coverage model"));
        Assert.That(run.Output, Does.Not.Contain("identity ("));
    }

    [Test]
    public void Min_with_no_charted_kind_is_refused_rather_than_passed()
    {
        using var specs = new ScratchSpecs();
        specs.Write("plug/identity.yaml", "description: d\nmmu: [identity]\nsteps:\n  - read: 0x8000_1000\n");

        var run = CliRun.Of("coverage", specs.Root, "--plugin", typeof(IdentityMmu).Assembly.Location, "--min");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("error: --min: no kind that ran has a coverage model"));
        Assert.That(run.Output, Does.Not.Contain("Every reachable cell is covered."));
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
