namespace VmSpec.Cli.Tests;

/// <summary>
/// A kind misspelt in a scenario's mmu list is no format error (docs/diagnostics.md): it surfaces only
/// as a scenario no MMU here runs. Whatever names such scenarios must then offer the misspelling as a
/// cause beside the missing plug-in, or an author who wrote sv93 for sv39 goes looking for a plug-in.
/// </summary>
public class MisspeltKindTests
{
    private static readonly string MisspeltScenario = ScratchSpecs.OneSv39Read.Replace("[sv39]", "[sv93]");

    [Test]
    public void A_misspelt_kind_beside_scenarios_that_run_is_offered_as_a_cause()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/typo.yaml", MisspeltScenario);
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Contain("1 scenario(s) not run: no MMU of kind sv93 here")
            .And.Contain("correct a misspelt kind in the mmu list"));
    }

    [TestCase("run")]
    [TestCase("coverage")]
    [TestCase("report")]
    public void A_misspelt_kind_alone_is_offered_as_the_cause_of_nothing_running(string command)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/typo.yaml", MisspeltScenario);

        var run = CliRun.Of(command, specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("need kinds with no MMU loaded (sv93)")
            .And.Contain("correct a misspelt kind in the mmu list"));
    }
}
