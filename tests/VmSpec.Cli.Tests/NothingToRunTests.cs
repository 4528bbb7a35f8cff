namespace VmSpec.Cli.Tests;

/// <summary>
/// A command that would run nothing passes nothing: a mistyped path or kind, or a forgotten
/// --plugin, is bad input (exit 2) that says why, not a green run of zero scenarios.
/// </summary>
public class NothingToRunTests
{
    private const string IdentityScenario = "description: d\nmmu: [identity]\nsteps:\n  - read: 0x8000_1000\n";

    [TestCase("run")]
    [TestCase("coverage")]
    [TestCase("report")]
    public void A_folder_without_scenarios_runs_nothing_and_exits_2(string command)
    {
        using var specs = new ScratchSpecs();
        specs.Write("notes.txt", "not a scenario");

        var run = CliRun.Of(command, specs.Root);

        AssertNothingRan(run, $"no scenario files under {specs.Root}");
    }

    [Test]
    public void A_kind_no_scenario_lists_runs_nothing_and_exits_2()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);

        var run = CliRun.Of("run", specs.Root, "--mmu", "segmentation");

        AssertNothingRan(run, "no scenario lists kind 'segmentation'");
    }

    [TestCase("run")]
    [TestCase("coverage")]
    [TestCase("report")]
    public void Scenarios_whose_kinds_have_no_mmu_loaded_run_nothing_and_exit_2(string command)
    {
        using var specs = new ScratchSpecs();
        specs.Write("plug/one.yaml", IdentityScenario);
        specs.Write("plug/two.yaml", IdentityScenario.Replace("[identity]", "[identity, sv48]"));

        var run = CliRun.Of(command, specs.Root);

        AssertNothingRan(run, "2 scenario(s) need kinds with no MMU loaded (identity, sv48); load one with --plugin");
    }

    [Test]
    public void The_sv48_corpus_without_its_plug_in_runs_nothing_and_exits_2() =>
        AssertNothingRan(CliRun.Of("run", Path.Combine(RepositoryPaths.Specs, "sv48")), "need kinds with no MMU loaded (sv48); load one with --plugin");

    [Test]
    public void Scenarios_without_an_mmu_beside_ones_that_run_are_named_and_the_run_passes()
    {
        using var specs = new ScratchSpecs();
        specs.Write("plug/identity.yaml", IdentityScenario);
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Contain("1 scenario(s) not run: no MMU of kind identity here (load one with --plugin"));
    }

    private static void AssertNothingRan(CliRun run, string why)
    {
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: nothing ran: ").And.Contain(why), run.ToString());
        Assert.That(run.Output, Is.Empty, "no summary, matrix or table of nothing");
    }
}
