namespace VmSpec.Cli.Tests;

/// <summary>
/// A <c>snapshot</c> step under a plain run (as in CI) compares the dump with the stored file, byte
/// for byte but for line ends: missing or different is a failure, never a silent write. Only
/// <c>--update-snapshots</c> writes the file.
/// </summary>
public class SnapshotStepTests
{
    private const string MapThenSnapshot = "description: d\nmmu: [sv39]\nsteps:\n  - map: { va: 0x1000, pa: 0x8020_0000, perm: rw }\n  - snapshot: mapped\n";

    [Test]
    public void A_missing_snapshot_fails_at_its_step_and_is_not_written()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/tables.yaml", MapThenSnapshot);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain("tables.yaml(5,5): snapshot ").And.Contain("does not exist"));
        Assert.That(File.Exists(SnapshotOf(specs)), Is.False, "a plain run writes no snapshot");
    }

    [Test]
    public void Update_snapshots_writes_the_dump_and_a_plain_run_then_passes()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/tables.yaml", MapThenSnapshot);

        var update = CliRun.Of("run", specs.Root, "--update-snapshots");
        var plain = CliRun.Of("run", specs.Root);

        Assert.That(update.ExitCode, Is.Zero, update.ToString());
        Assert.That(File.Exists(SnapshotOf(specs)), "written by the update");
        Assert.That(plain.ExitCode, Is.Zero, plain.ToString());
    }

    [TestCase("a space within a line")]
    [TestCase("a digit changed")]
    [TestCase("the last line dropped")]
    public void A_snapshot_that_differs_fails_at_its_step_and_is_left_as_it_was(string change)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/tables.yaml", MapThenSnapshot);
        Assert.That(CliRun.Of("run", specs.Root, "--update-snapshots").ExitCode, Is.Zero);
        var path = SnapshotOf(specs);
        var changed = Change(File.ReadAllText(path), change);
        File.WriteAllText(path, changed);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain("tables.yaml(5,5): snapshot ").And.Contain("differs"));
        Assert.That(File.ReadAllText(path), Is.EqualTo(changed), "a plain run never rewrites a snapshot");
    }

    private static string SnapshotOf(ScratchSpecs specs) => Path.Combine(specs.Root, "sv39", "__snapshots__", "tables.mapped.sv39.snap");

    /// <summary>The written dump, changed in one way a loose comparison might overlook.</summary>
    private static string Change(string dump, string change)
    {
        var lines = dump.TrimEnd('\n').Split('\n');
        switch (change)
        {
            case "a space within a line":
                lines[^1] = lines[^1].Insert(lines[^1].Length / 2, " ");
                break;
            case "a digit changed":
                var at = lines[^1].LastIndexOfAny("0123456789".ToCharArray());
                lines[^1] = lines[^1][..at] + (char)('0' + (lines[^1][at] - '0' + 1) % 10) + lines[^1][(at + 1)..];
                break;
            default:
                lines = lines[..^1];
                break;
        }
        return string.Join('\n', lines) + "\n";
    }
}
