namespace VmSpec.Cli.Tests;

/// <summary>
/// An output file that cannot be written is bad input, like a scenario that cannot be read: exit 2
/// with the path and the reason, no stack trace, and nothing printed to the console first.
/// </summary>
public class OutputFileTests
{
    [TestCase("coverage", "--output")]
    [TestCase("report", "--markdown")]
    [TestCase("report", "--html")]
    [TestCase("run", "--junit")]
    public void A_file_in_a_folder_that_does_not_exist_is_refused(string command, string option)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        var file = Path.Combine(specs.Root, "no-such-folder", "out.txt");

        var run = CliRun.Of(command, specs.Root, option, file);

        AssertRefused(run, $"error: cannot write {file}: no such folder");
    }

    [TestCase("coverage", "--output")]
    [TestCase("report", "--markdown")]
    [TestCase("report", "--html")]
    [TestCase("run", "--junit")]
    public void A_folder_is_refused(string command, string option)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);

        var run = CliRun.Of(command, specs.Root, option, specs.Root);

        AssertRefused(run, $"error: cannot write {specs.Root}: it is a folder");
    }

    [TestCase("coverage", "--output")]
    [TestCase("report", "--html")]
    public void A_file_that_opens_but_takes_no_bytes_is_refused_when_written(string command, string option)
    {
        Assume.That(File.Exists("/dev/full"), "a device that is always full (Linux)");
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);

        var run = CliRun.Of(command, specs.Root, option, "/dev/full");

        AssertRefused(run, "error: cannot write /dev/full: ");
    }

    [TestCase("coverage", "--output")]
    [TestCase("report", "--markdown")]
    [TestCase("report", "--html")]
    [TestCase("run", "--junit")]
    public void A_command_that_runs_nothing_leaves_no_old_result_in_its_file(string command, string option)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        var file = specs.Write("out/result.txt", "an earlier run's result, all green\n");

        // A kind only a plug-in could run: nothing runs.
        specs.Write("sv48/four.yaml", ScratchSpecs.OneSv39Read.Replace("[sv39]", "[sv48]"));
        var run = CliRun.Of(command, Path.Combine(specs.Root, "sv48"), option, file);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("error: nothing ran"));
        Assert.That(File.ReadAllText(file), Is.Empty, "a CI step that publishes the file must not find an old pass in it");
    }

    private static void AssertRefused(CliRun run, string message)
    {
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.StartWith(message), run.ToString());
        Assert.That(run.Error.ReplaceLineEndings("\n").TrimEnd('\n'), Does.Not.Contain("\n   at "), "no stack trace");
        Assert.That(run.Output, Is.Empty, "nothing half-done on the console");
    }
}
