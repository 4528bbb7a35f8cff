using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Runner;
using VmSpec.Runner.Results;
using VmSpec.Runner.Snapshots;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Tests;

/// <summary>
/// An implementation that throws once a scenario is running fails that run, and only it: the
/// runner reports the failure and the command goes on, whatever member threw.
/// </summary>
public class PluginFaultsInARunTests
{
    private static readonly Scenario OneRead = InlineScenarios.Parse("plug", "one-read",
        "description: d\nmmu: [throwing]\nsteps:\n  - read: 0x8000_1000\n");

    [TestCase(nameof(ThrowingMmu.Translate))]
    [TestCase(nameof(ThrowingMmu.Counters))]
    public void A_member_that_throws_during_a_run_fails_the_run(string member)
    {
        var target = new MmuTarget("throwing", machine => new ThrowingMmu(machine, member));

        var result = new ScenarioRunner(new RunOptions { Snapshots = new FileSnapshotStore(SnapshotMode.Strict) }).Run(OneRead, target);

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.StartWith(OneRead.FilePath + "(").And.Contain($"threw InvalidOperationException: boom in {member}"));
        // Then where it was thrown, for the implementer to go to.
        Assert.That(result.Message!.Split('\n')[1], Does.Contain($"at {typeof(ThrowingMmu).FullName!.Replace('+', '.')}.ThrowIf"));
    }

    /// <summary>An MMU that maps every address to itself, but for the one member that throws.</summary>
    private sealed class ThrowingMmu(Machine machine, string throwing) : IMmu
    {
        private readonly MmuCounters _counters = new();

        public string Kind => "throwing";

        public IReadOnlySet<string> Features { get; } = new HashSet<string>();

        public Machine Machine { get; } = machine;

        public MmuCounters Counters
        {
            get
            {
                ThrowIf(nameof(Counters));
                return _counters;
            }
        }

        public Translation Translate(in Access access)
        {
            ThrowIf(nameof(Translate));
            return Translation.Success(access.Address, 0, 1, tlbHit: false, walk: null);
        }

        public string Dump() => "throwing\n";

        private void ThrowIf(string member)
        {
            if (member == throwing)
                throw new InvalidOperationException($"boom in {member}");
        }
    }
}
