using VmSpec.Runner.Snapshots;
using VmSpec.Scenarios;

namespace VmSpec.Conformance.Tests;

/// <summary>The generated tests' snapshot store: strict by default, a diff on mismatch, the CLI's files accepted.</summary>
public class SnapshooterStoreTests
{
    private string _root = "";
    private Scenario _scenario = null!;

    [SetUp]
    public void CreateScenario()
    {
        _root = Path.Combine(Path.GetTempPath(), "vmspec-snap-" + Guid.NewGuid().ToString("N"), "specs", "sv39");
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, "x.yaml");
        _scenario = ScenarioParser.Parse(path, "description: d\nmmu: [sv39]\nsteps:\n  - snapshot: end\n").Scenario!;
    }

    [TearDown]
    public void Remove() => Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(_root))!, recursive: true);

    private string SnapPath => SnapshotPaths.For(_scenario, "end", "sv39");

    [Test]
    public void A_missing_snapshot_fails_and_is_not_written()
    {
        var message = new SnapshooterStore(update: false).Compare(_scenario, "end", "sv39", "table\n");

        Assert.That(message, Does.Contain("does not exist").And.Contain(SnapshotSwitch.Variable));
        Assert.That(File.Exists(SnapPath), Is.False);
    }

    [Test]
    public void A_different_snapshot_fails_with_a_unified_diff()
    {
        WriteSnap("L2[000] old\n");

        var message = new SnapshooterStore(update: false).Compare(_scenario, "end", "sv39", "L2[000] new\n");

        Assert.That(message, Does.Contain("-L2[000] old").And.Contain("+L2[000] new"));
        Assert.That(message, Does.Contain($"run with {SnapshotSwitch.Variable}=1 to accept it"), "how to accept a change that is meant");
        Assert.That(new FileSnapshotStore(SnapshotMode.Strict).Compare(_scenario, "end", "sv39", "L2[000] new\n"), Does.Contain("run with --update-snapshots to accept it"));
    }

    [TestCase("L2[000] x\n", TestName = "As the CLI writes it")]
    [TestCase("\uFEFFL2[000] x", TestName = "As Snapshooter writes it, BOM and no final newline")]
    [TestCase("L2[000] x\r\n", TestName = "With CRLF line ends")]
    [TestCase("L2[000] x\n\n\n", TestName = "With blank lines at the end")]
    public void A_snapshot_written_by_either_tool_matches(string stored)
    {
        WriteSnap(stored);

        Assert.That(new SnapshooterStore(update: false).Compare(_scenario, "end", "sv39", "L2[000] x\n"), Is.Null);
        Assert.That(new FileSnapshotStore(SnapshotMode.Strict).Compare(_scenario, "end", "sv39", "L2[000] x\n"), Is.Null);
    }

    [Test]
    public void Update_mode_replaces_a_different_snapshot_and_the_cli_accepts_it()
    {
        WriteSnap("old\n");

        Assert.That(new SnapshooterStore(update: true).Compare(_scenario, "end", "sv39", "new\n"), Is.Null);
        Assert.That(new FileSnapshotStore(SnapshotMode.Strict).Compare(_scenario, "end", "sv39", "new\n"), Is.Null);
    }

    [TestCase(null, TestName = "Update mode writes a missing snapshot in the bytes the CLI writes")]
    [TestCase("old\n", TestName = "Update mode rewrites a different snapshot in the bytes the CLI writes")]
    public void Update_mode_writes_what_the_cli_writes(string? stored)
    {
        if (stored is not null)
            WriteSnap(stored);
        new SnapshooterStore(update: true).Compare(_scenario, "end", "sv39", "L2[000] x\r\nL1[001] y");
        var generated = File.ReadAllBytes(SnapPath);
        File.Delete(SnapPath);

        new FileSnapshotStore(SnapshotMode.Update).Compare(_scenario, "end", "sv39", "L2[000] x\r\nL1[001] y");

        Assert.That(generated, Is.EqualTo(File.ReadAllBytes(SnapPath)));
    }

    [Test]
    public void A_diff_counts_the_lines_there_are()
    {
        WriteSnap("a\nb\nc\n");

        var message = new SnapshooterStore(update: false).Compare(_scenario, "end", "sv39", "a\nB\nc\n");

        Assert.That(message, Does.Contain("@@ -1,3 +1,3 @@"));
    }

    [Test]
    public void A_failed_dump_is_left_in_mismatch_and_removed_once_the_snapshot_matches()
    {
        WriteSnap("L2[000] old\n");
        var mismatch = SnapshotPaths.MismatchCopy(SnapPath);

        new SnapshooterStore(update: false).Compare(_scenario, "end", "sv39", "L2[000] new\n");
        Assert.That(File.Exists(mismatch), "the dump that failed, for a look or a copy");

        Assert.That(new SnapshooterStore(update: false).Compare(_scenario, "end", "sv39", "L2[000] old\n"), Is.Null);
        Assert.That(File.Exists(mismatch), Is.False, "a stale copy would be mistaken for a current failure");
    }

    [Test]
    public void The_cli_removes_a_failed_dump_once_it_rewrites_or_matches_the_snapshot()
    {
        WriteSnap("L2[000] old\n");
        var mismatch = SnapshotPaths.MismatchCopy(SnapPath);
        new SnapshooterStore(update: false).Compare(_scenario, "end", "sv39", "L2[000] new\n");
        Assert.That(File.Exists(mismatch), "the dump that failed under dotnet test");

        Assert.That(new FileSnapshotStore(SnapshotMode.Update).Compare(_scenario, "end", "sv39", "L2[000] new\n"), Is.Null);

        Assert.That(File.ReadAllText(SnapPath), Is.EqualTo("L2[000] new\n"));
        Assert.That(File.Exists(mismatch), Is.False, "vmspec run --update-snapshots leaves no stale copy either");
        Assert.That(Directory.Exists(Path.GetDirectoryName(mismatch)), Is.False, "nor the folder it emptied");
    }

    private void WriteSnap(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SnapPath)!);
        File.WriteAllText(SnapPath, text);
    }
}
