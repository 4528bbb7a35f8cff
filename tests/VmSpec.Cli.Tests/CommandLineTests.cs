namespace VmSpec.Cli.Tests;

/// <summary>
/// A command line the tool cannot read is bad input and exits 2, as a broken scenario does, so a CI
/// step tells it from exit 1 (scenarios ran and failed).
/// </summary>
public class CommandLineTests
{
    [TestCase("run")]
    [TestCase("coverage")]
    [TestCase("report")]
    public void An_unknown_option_after_the_paths_is_named_not_read_as_a_path(string command)
    {
        var run = CliRun.Of(command, RepositoryPaths.Specs, "--bogus");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("Unrecognized option '--bogus'."));
        Assert.That(run.Error, Does.Not.Contain("no such file or folder"));
    }

    [Test]
    public void A_command_without_its_paths_exits_2() =>
        Assert.That(CliRun.Of("run").ExitCode, Is.EqualTo(2));

    [Test]
    public void An_unknown_option_of_a_command_without_paths_exits_2() =>
        Assert.That(CliRun.Of("list", "--bogus").ExitCode, Is.EqualTo(2));

    [Test]
    public void Help_is_not_an_error() =>
        Assert.That(CliRun.Of("run", "--help").ExitCode, Is.EqualTo(0));
}
