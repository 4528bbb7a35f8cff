namespace VmSpec.Cli.Tests;

/// <summary>
/// <c>--tag TAG</c> and <c>--mmu KIND</c> name a tag or a kind exactly as scenarios and <c>vmspec
/// list</c> spell them: a tag or kind that only starts the same, or differs in case, is another
/// one, and selecting nothing with it is nothing to run (exit 2), not a green run of its neighbour.
/// </summary>
public class WholeNameMatchingTests
{
    [Test]
    public void A_tag_matches_a_whole_tag_never_the_start_of_one()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/walk.yaml", ScratchSpecs.OneSv39Read.Replace("mmu: [sv39]\n", "mmu: [sv39]\ntags: [walk]\n"));

        var run = CliRun.Of("run", specs.Root, "--tag", "wal");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("error: nothing ran: ").And.Contain("has the tag wal"));
    }

    [TestCase("sv", TestName = "The start of a kind is no kind")]
    [TestCase("single", TestName = "The first word of a kind is no kind")]
    [TestCase("SV39", TestName = "A kind in capitals is no kind")]
    public void Mmu_names_a_kind_or_an_mmu_exactly(string kindOrName)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        specs.Write("single-level/one.yaml", ScratchSpecs.OneSv39Read.Replace("[sv39]", "[single-level]"));

        var run = CliRun.Of("run", specs.Root, "--mmu", kindOrName);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Output, Is.Empty, "nothing runs");
        Assert.That(run.Error, Does.Contain($"error: no MMU of kind or name '{kindOrName}'"));
    }
}
