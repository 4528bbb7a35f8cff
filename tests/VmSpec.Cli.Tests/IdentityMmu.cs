using VmSpec.Core;
using VmSpec.Core.Mmu;

namespace VmSpec.Cli.Tests;

/// <summary>
/// The smallest plug-in: a kind of its own that maps every address to itself. The plug-in tests
/// load this test assembly with <c>--plugin</c>, as a user would load theirs.
/// </summary>
public sealed class IdentityMmu(Machine machine) : IMmu
{
    public string Kind => "identity";

    public IReadOnlySet<string> Features { get; } = new HashSet<string>();

    public Machine Machine { get; } = machine;

    public MmuCounters Counters { get; } = new();

    public Translation Translate(in Access access) => Translation.Success(access.Address, 0, 1, tlbHit: false, walk: null);

    public string Dump() => "identity\n";
}
