using VmSpec.Core;
using VmSpec.Core.Mmu;

namespace VmSpec.Cli.Tests;

/// <summary>
/// A plug-in's targets are its public, non-abstract IMmu types with a public constructor taking a
/// Machine (docs/reports.md, Plug-ins), each named after its type: this assembly also holds abstract
/// bases and private MMUs that only its own tests build, and none of them may become a target.
/// </summary>
public class PluginTypesTests
{
    private static readonly string Plugin = typeof(SupervisorExecutesUserPages).Assembly.Location;

    [Test]
    public void List_shows_only_the_public_concrete_mmus_of_a_plug_in()
    {
        var run = CliRun.Of("list", "--plugin", Plugin);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var names = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(' ')[0]).ToList();
        Assert.That(names, Is.EquivalentTo(new[] { "sv39", "single-level", "segmentation", nameof(IdentityMmu), nameof(SupervisorExecutesUserPages) }));
    }

    [Test]
    public void The_same_plug_in_twice_names_two_mmus_alike_and_is_refused()
    {
        var run = CliRun.Of("list", "--plugin", Plugin, "--plugin", Plugin);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"error: two implementations are named '{nameof(IdentityMmu)}'"));
    }

    /// <summary>A base a plug-in's MMUs may share, with a public constructor taking a Machine: abstract, so never a target.</summary>
    public abstract class IdentityBase : IMmu
    {
        public IdentityBase(Machine machine) => Machine = machine;

        public string Kind => "identity-base";

        public IReadOnlySet<string> Features { get; } = new HashSet<string>();

        public Machine Machine { get; }

        public MmuCounters Counters { get; } = new();

        public Translation Translate(in Access access) => Translation.Success(access.Address, 0, 1, tlbHit: false, walk: null);

        public string Dump() => "identity\n";
    }

    /// <summary>Concrete and public, but built from more than a Machine: the host cannot build it, so it is no target.</summary>
    public sealed class NeedsMoreThanAMachine(Machine machine, int pages) : IdentityBase(machine)
    {
        public int Pages { get; } = pages;
    }
}
