using System.Reflection;
using VmSpec.Core;
using VmSpec.Core.Mmu;

namespace VmSpec.Runner.Targets;

/// <summary>
/// An implementation scenarios can run on: a name for reports, what it says of itself (kind,
/// features, levels), and how to build one over a fresh machine. What it says is read once, from a
/// probe instance (<see cref="MmuProbe"/>); one that cannot say it throws <see cref="MmuProbeException"/>.
/// </summary>
public sealed class MmuTarget
{
    private readonly Func<Machine, IMmu> _create;

    public MmuTarget(string name, Func<Machine, IMmu> create)
    {
        Name = name;
        _create = create;
        var probe = MmuProbe.Of(name, create);
        Kind = probe.Kind;
        Features = probe.Features;
        Levels = probe.Levels;
        ImplementationType = probe.ImplementationType;
    }

    public string Name { get; }

    public string Kind { get; }

    public IReadOnlySet<string> Features { get; }

    /// <summary>The table levels a TLB miss reads at most, for a paging MMU; 0 for any other.</summary>
    public int Levels { get; }

    public Type ImplementationType { get; }

    public IMmu Create(Machine machine) => _create(machine);

    /// <summary>A target for any IMmu type with a public constructor taking a <see cref="Machine"/>.</summary>
    public static MmuTarget FromType(Type type, string? name = null)
    {
        if (!typeof(IMmu).IsAssignableFrom(type) || type.GetConstructor([typeof(Machine)]) is not { } constructor)
            throw new ArgumentException($"{type.FullName} must implement IMmu and have a public constructor taking a Machine.", nameof(type));
        // Unwrapped, a constructor's exception reads as its own message, not "thrown by the target of an invocation".
        return new MmuTarget(name ?? type.Name, machine => (IMmu)constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, [machine], null));
    }

    public override string ToString() => Name == Kind ? Name : $"{Name} ({Kind})";
}
