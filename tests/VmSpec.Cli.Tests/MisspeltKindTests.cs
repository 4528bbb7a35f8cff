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
        Assert.That(run.Output, Does.Match(@"\n  sv93 \(did you mean sv39\?\): \S*sv39.typo\.yaml\r?\n"));
    }

    [TestCase("sv3", "sv39", TestName = "A letter dropped")]
    [TestCase("sv399", "sv39", TestName = "A letter added")]
    [TestCase("sv38", "sv39", TestName = "A letter changed")]
    [TestCase("sigle-level", "single-level", TestName = "A letter dropped inside")]
    [TestCase("segmnetation", "segmentation", TestName = "Two letters swapped")]
    public void A_kind_one_slip_from_a_loaded_one_is_suggested(string misspelt, string loaded)
    {
        using var specs = new ScratchSpecs();
        specs.Write("typo.yaml", ScratchSpecs.OneSv39Read.Replace("[sv39]", $"[{misspelt}]"));
        specs.Write("one.yaml", ScratchSpecs.OneSv39Read);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.Output, Does.Contain($"  {misspelt} (did you mean {loaded}?): "), run.ToString());
    }

    [Test]
    public void A_kind_two_slips_from_every_loaded_one_is_named_with_its_files_and_no_guess()
    {
        using var specs = new ScratchSpecs();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
            specs.Write($"sv48/{name}.yaml", ScratchSpecs.OneSv39Read.Replace("[sv39]", "[sv48]"));
        specs.Write("one.yaml", ScratchSpecs.OneSv39Read);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.Output, Does.Match(@"\n  sv48: \S*sv48.a\.yaml, \S*sv48.b\.yaml, \S*sv48.c\.yaml and 2 more\r?\n"), run.ToString());
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
        Assert.That(run.Error, Does.Contain("  sv93 (did you mean sv39?): "));
    }
}
