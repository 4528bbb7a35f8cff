namespace VmSpec.Cli.Tests;

/// <summary>
/// A plug-in's MMU has one name in a test project (the ConformanceTarget's Name) and another in the
/// tool (its type's), so the help of --mmu says which one it takes: the name as 'vmspec list' shows it.
/// </summary>
public class MmuOptionHelpTests
{
    [TestCase("run")]
    [TestCase("coverage")]
    public void The_mmu_option_says_its_names_are_those_vmspec_list_shows(string command)
    {
        var run = CliRun.Of(command, "--help");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Contain("the one MMU of this name, as 'vmspec list' shows it"));
    }
}
