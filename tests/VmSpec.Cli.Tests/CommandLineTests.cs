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

    [TestCase("run", "--update-snapshot", "--update-snapshots")]
    [TestCase("run", "--stat", "--stats")]
    [TestCase("coverage", "--mni", "--min")]
    [TestCase("report", "--pluign", "--plugin")]
    public void An_unknown_option_one_slip_from_a_known_one_names_it(string command, string typed, string meant)
    {
        var run = CliRun.Of(command, RepositoryPaths.Specs, typed);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"Unrecognized option '{typed}'; did you mean '{meant}'?"));
    }

    [TestCase("run", "--plugin")]
    [TestCase("run", "--mmu")]
    [TestCase("run", "--tlb-time")]
    [TestCase("run", "--mem-time")]
    [TestCase("list", "--plugin")]
    [TestCase("coverage", "--plugin")]
    [TestCase("coverage", "--format")]
    [TestCase("coverage", "--output")]
    [TestCase("coverage", "-o")]
    [TestCase("report", "--plugin")]
    [TestCase("report", "--markdown")]
    [TestCase("report", "--html")]
    public void An_option_without_its_value_exits_2(string command, string option)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        string[] args = command == "list" ? [command, option] : [command, specs.Root, option];

        var run = CliRun.Of(args);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"Required argument missing for option: '{option}'."));
    }

    [TestCase("run", "--plugin", "--quiet")]
    [TestCase("run", "--mmu", "--stats")]
    [TestCase("run", "--mmu", "-q")]
    [TestCase("coverage", "--output", "--min")]
    [TestCase("coverage", "-o", "--min")]
    [TestCase("coverage", "--plugin", "--min")]
    [TestCase("report", "--markdown", "--help")]
    [TestCase("report", "--html", "--markdown")]
    public void An_option_followed_by_another_option_has_no_value(string command, string option, string next)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        string[] args = next == "--markdown" ? [command, specs.Root, option, next, Path.Combine(specs.Root, "x.md")] : [command, specs.Root, option, next];

        var run = CliRun.Of(args);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"Required argument missing for option: '{option}'."));
        Assert.That(Directory.GetFiles(specs.Root), Is.Empty, $"no file named {next}");
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
