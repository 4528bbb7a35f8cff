namespace VmSpec.Conformance.Tests;

/// <summary>
/// Snapshots are strict unless VMSPEC_UPDATE_SNAPSHOTS=1 (README): a variable left set to 0, or
/// empty, by a CI script must not turn every missing or different snapshot into a written one.
/// </summary>
[NonParallelizable]
public class SnapshotSwitchTests
{
    private string? _saved;

    [SetUp]
    public void Save() => _saved = Environment.GetEnvironmentVariable(SnapshotSwitch.Variable);

    [TearDown]
    public void Restore() => Environment.SetEnvironmentVariable(SnapshotSwitch.Variable, _saved);

    [TestCase(null, false)]
    [TestCase("", false)]
    [TestCase("0", false)]
    [TestCase("false", false)]
    [TestCase("1", true)]
    [TestCase("true", true)]
    public void Only_1_or_true_updates(string? value, bool update)
    {
        Environment.SetEnvironmentVariable(SnapshotSwitch.Variable, value);

        Assert.That(SnapshotSwitch.Update, Is.EqualTo(update));
    }
}
