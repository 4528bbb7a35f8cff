using VmSpec.Core;
using VmSpec.Core.Mmu;

namespace VmSpec.Cli.Tests.BrokenPlugin;

/// <summary>An MMU that would work; each subclass breaks one thing the host reads of it outside a run.</summary>
public abstract class BrokenMmu(Machine machine) : IMmu
{
    public virtual string Kind => "broken";

    public virtual IReadOnlySet<string> Features { get; } = new HashSet<string>();

    public Machine Machine { get; } = machine;

    public MmuCounters Counters { get; } = new();

    public Translation Translate(in Access access) => Translation.Success(access.Address, 0, 1, tlbHit: false, walk: null);

    public string Dump() => "broken\n";
}

public sealed class ConstructorThrows : BrokenMmu
{
    public ConstructorThrows(Machine machine) : base(machine) => throw new InvalidOperationException("boom in ctor");
}

public sealed class KindThrows(Machine machine) : BrokenMmu(machine)
{
    public override string Kind => throw new InvalidOperationException("boom in Kind");
}

public sealed class KindIsEmpty(Machine machine) : BrokenMmu(machine)
{
    public override string Kind => "";
}

public sealed class FeaturesThrow(Machine machine) : BrokenMmu(machine)
{
    public override IReadOnlySet<string> Features => throw new InvalidOperationException("boom in Features");
}

public sealed class FeaturesAreNull(Machine machine) : BrokenMmu(machine)
{
    public override IReadOnlySet<string> Features => null!;
}

public sealed class KindNoScenarioCanName(Machine machine) : BrokenMmu(machine)
{
    public override string Kind => "Offset";
}
