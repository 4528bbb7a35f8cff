using VmSpec.Core;
using VmSpec.Core.Mmu;

namespace VmSpec.Runner.Targets;

/// <summary>
/// An implementation scenarios can run on: a name for reports, its kind and features, and how to
/// build one over a fresh machine. Kind and features are read once from a probe instance.
/// </summary>
public sealed class MmuTarget
{
    private readonly Func<Machine, IMmu> _create;

    public MmuTarget(string name, Func<Machine, IMmu> create)
    {
        Name = name;
        _create = create;
        var probe = create(new Machine());
        Kind = probe.Kind;
        Features = probe.Features;
        ImplementationType = probe.GetType();
    }

    public string Name { get; }

    public string Kind { get; }

    public IReadOnlySet<string> Features { get; }

    public Type ImplementationType { get; }

    public IMmu Create(Machine machine) => _create(machine);

    /// <summary>A target for any IMmu type with a public constructor taking a <see cref="Machine"/>.</summary>
    public static MmuTarget FromType(Type type, string? name = null)
    {
        if (!typeof(IMmu).IsAssignableFrom(type) || type.GetConstructor([typeof(Machine)]) is not { } constructor)
            throw new ArgumentException($"{type.FullName} must implement IMmu and have a public constructor taking a Machine.", nameof(type));
        return new MmuTarget(name ?? type.Name, machine => (IMmu)constructor.Invoke([machine]));
    }

    public override string ToString() => Name == Kind ? Name : $"{Name} ({Kind})";
}
