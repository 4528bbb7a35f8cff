namespace VmSpec.Cli.Tests;

/// <summary>Which files <c>vmspec run</c> takes from the paths it is given, and how often.</summary>
public class ScenarioLoadingTests
{
    private const string Readable = "description: d\nmmu: [sv39]\nsteps:\n  - map: { va: 0x1000, pa: 0x8020_1000, perm: r }\n  - read: 0x1000\n";

    [Test]
    public void One_id_twice_in_an_area_is_a_format_error_on_the_later_file_naming_both()
    {
        using var specs = new ScratchSpecs();
        var top = specs.Write("specs/sv39/x.yaml", Readable);
        var nested = specs.Write("specs/sv39/sub/x.yaml", Readable);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"{Shown(top)}(1,1): error VMS0102: '{Shown(top)}' is scenario 'x' in area 'sv39', and so is '{Shown(nested)}'"));
        Assert.That(Lines(run.Output, "pass  sv39/x [sv39]"), Is.EqualTo(1), "the earlier file still runs");
    }

    [Test]
    public void A_path_that_names_nothing_is_counted_as_a_path_with_errors_beside_the_runs()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/a.yaml", Readable);
        var nowhere = Path.Combine(specs.Root, "no-such-folder");

        var run = CliRun.Of("run", specs.Root, nowhere);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"{nowhere}: error VMS0000: no such file or folder"));
        Assert.That(run.Output, Does.Contain("1 scenarios, 1 runs: 1 passed, 0 failed, 0 skipped, 1 path(s) with errors"));
    }

    [Test]
    public void A_byte_that_is_not_utf8_is_a_format_error_where_it_stands()
    {
        using var specs = new ScratchSpecs();
        var path = specs.Write("sv39/latin1.yaml", "");
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetBytes("description: caf"), 0xE9, .. System.Text.Encoding.UTF8.GetBytes(Readable["description: d".Length..])]);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"{Shown(path)}(1,17): error VMS0046"));
    }

    [Test]
    public void A_file_named_several_ways_runs_once()
    {
        using var specs = new ScratchSpecs();
        var path = specs.Write("sv39/a.yaml", Readable);
        var roundabout = Path.Combine(specs.Root, "sv39", "..", "sv39", ".", "a.yaml");

        var run = CliRun.Of("run", path, roundabout, Path.GetRelativePath(Directory.GetCurrentDirectory(), path), specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(Lines(run.Output, "pass  sv39/a [sv39]"), Is.EqualTo(1), run.ToString());
    }

    [Test]
    public void A_named_file_that_does_not_end_in_yaml_is_a_format_error()
    {
        using var specs = new ScratchSpecs();
        var path = specs.Write("sv39/x.yml", Readable);

        var run = CliRun.Of("run", path);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"{path}(1,1): error VMS0100: '{path}' is not a scenario file: scenario files end in .yaml"));
        Assert.That(run.Output, Does.Not.Contain("pass  "));
    }

    [Test]
    public void A_folder_scan_takes_yaml_files_only()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/x.yml", Readable);
        specs.Write("sv39/y.yaml", Readable);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Contain("pass  sv39/y [sv39]").And.Not.Contain("sv39/x"));
    }

    [Test]
    public void A_file_named_only_dot_yaml_has_no_id_and_is_a_format_error()
    {
        using var specs = new ScratchSpecs();
        var path = specs.Write("sv39/.yaml", Readable);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"{Shown(path)}(1,1): error VMS0101:"));
    }

    [Test]
    [NonParallelizable]
    public void The_area_is_the_folder_under_specs_even_when_run_from_deeper_inside()
    {
        using var specs = new ScratchSpecs();
        var path = specs.Write("specs/sv39/sub/y.yaml", Readable);
        var working = Directory.GetCurrentDirectory();
        CliRun run;
        try
        {
            Directory.SetCurrentDirectory(Path.GetDirectoryName(path)!);
            run = CliRun.Of("run", "y.yaml");
        }
        finally
        {
            Directory.SetCurrentDirectory(working);
        }

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Contain("pass  sv39/y [sv39]"));
    }

    private static string Shown(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

    private static int Lines(string output, string line) => output.Split('\n').Count(l => l.TrimEnd() == line);
}
