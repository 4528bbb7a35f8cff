namespace VmSpec.Cli.Tests;

/// <summary>
/// <c>--area</c> is repeatable: <c>vmspec corpus FOLDER --area A --area B</c> writes every area
/// named, each with all its files, and says so.
/// </summary>
public class CorpusAreasTests
{
    [Test]
    public void Every_area_named_is_written()
    {
        using var target = new ScratchSpecs();

        var run = CliRun.Of("corpus", target.Root, "--area", "tlb", "--area", "single-level");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        foreach (var area in new[] { "tlb", "single-level" })
        {
            var shipped = Directory.GetFiles(Path.Combine(RepositoryPaths.Specs, area), "*", SearchOption.AllDirectories);
            Assert.That(shipped, Is.Not.Empty);
            foreach (var file in shipped)
                Assert.That(File.Exists(Path.Combine(target.Root, Path.GetRelativePath(RepositoryPaths.Specs, file))), file);
        }
        Assert.That(run.Output, Does.Contain(" in tlb, single-level into "));
    }
}
