namespace VmSpec.Cli.Tests;

/// <summary>
/// The <c>--junit</c> file is emptied as <c>run</c> starts (README): whatever bad input stops the
/// run, a refused plug-in or an <c>--mmu</c> that names nothing included, a CI step that publishes
/// the file never publishes an earlier run's green result as this one's.
/// </summary>
public class JUnitFileOnBadInputTests
{
    [TestCase("--plugin", "no-such-plugin.dll", TestName = "A plug-in that cannot be loaded leaves the JUnit file empty")]
    [TestCase("--mmu", "no-such-kind", TestName = "An mmu that names nothing leaves the JUnit file empty")]
    public void Bad_input_before_the_run_leaves_the_file_empty(string option, string value)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        var file = specs.Write("out/results.xml", "<testsuites tests=\"1\" failures=\"0\"/>\n");

        var run = CliRun.Of("run", Path.Combine(specs.Root, "sv39"), "--junit", file, option, value);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(File.ReadAllText(file), Is.Empty);
    }
}
