namespace VmSpec.Cli.Tests;

/// <summary>
/// A plug-in of a built-in kind (<see cref="SupervisorExecutesUserPages"/>, an sv39 MMU with one bug):
/// <c>--mmu NAME</c> runs or charts it alone, and coverage names where a cell that cannot occur was reached.
/// </summary>
public class OneMmuOfAKindTests
{
    private static readonly string Plugin = typeof(SupervisorExecutesUserPages).Assembly.Location;

    private static readonly string Scenario = Path.Combine(RepositoryPaths.Specs, "sv39", "user-page-execute-from-supervisor-faults-with-sum.yaml");

    [Test]
    public void Mmu_names_a_kind_to_run_all_its_MMUs_or_one_MMU_to_run_it_alone()
    {
        var kind = CliRun.Of("run", Scenario, "--plugin", Plugin, "--mmu", "sv39");
        var alone = CliRun.Of("run", Scenario, "--plugin", Plugin, "--mmu", nameof(SupervisorExecutesUserPages));

        Assert.Multiple(() =>
        {
            Assert.That(kind.Output, Does.Contain("pass  sv39/user-page-execute-from-supervisor-faults-with-sum [sv39]"), kind.ToString());
            Assert.That(kind.Output, Does.Contain($"FAIL  sv39/user-page-execute-from-supervisor-faults-with-sum [{nameof(SupervisorExecutesUserPages)}]"));
            Assert.That(alone.ExitCode, Is.EqualTo(1), alone.ToString());
            Assert.That(alone.Output, Does.Contain("1 scenarios, 1 runs: 0 passed, 1 failed"));
        });
    }

    [Test]
    public void Coverage_names_the_MMU_and_scenario_that_reached_a_cell_that_cannot_occur_and_warns_without_min()
    {
        var run = CliRun.Of("coverage", Scenario, "--plugin", Plugin, "--mmu", nameof(SupervisorExecutesUserPages));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("sv39 sum-allows L0 S X: 1 point(s), yet SUM never permits execution of a U = 1 page"));
            Assert.That(run.Output, Does.Contain($"    on {nameof(SupervisorExecutesUserPages)}: {Scenario}"));
            Assert.That(run.Error, Does.Contain("warning: 1 cell(s) that cannot occur were reached"));
        });

        var builtIn = CliRun.Of("coverage", Scenario, "--plugin", Plugin, "--mmu", "sv39");
        Assert.That(builtIn.Output, Does.Not.Contain("    on sv39:"), "the built-in MMU reached no such cell");
    }

    [Test]
    public void Coverage_in_markdown_lists_a_cell_that_cannot_occur_with_where_it_was_reached()
    {
        var run = CliRun.Of("coverage", Scenario, "--plugin", Plugin, "--mmu", nameof(SupervisorExecutesUserPages), "--format", "markdown", "--min");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Output, Does.Contain("Reached, yet cannot occur:"));
            Assert.That(run.Output, Does.Contain("- `sum-allows L0 S X`: 1 point(s), yet SUM never permits execution of a U = 1 page"));
            Assert.That(run.Output, Does.Contain($"  - on {nameof(SupervisorExecutesUserPages)}: {Scenario}"));
        });
    }

    [Test]
    public void Mmu_that_names_neither_a_kind_nor_an_MMU_is_refused()
    {
        var run = CliRun.Of("run", Scenario, "--mmu", "NoSuchMmu");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("error: no MMU of kind or name 'NoSuchMmu'"));
    }
}
