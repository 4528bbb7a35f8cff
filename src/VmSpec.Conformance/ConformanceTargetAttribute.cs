namespace VmSpec.Conformance;

/// <summary>
/// Registers an MMU with the generated conformance suite: <c>[assembly: ConformanceTarget(typeof(Sv39Mmu), "sv39")]</c>.
/// The generator reads it at compile time (so <paramref name="kind"/> must be a constant and must equal the
/// instance's <c>Kind</c>, which the harness checks); every scenario whose <c>mmu</c> list names the kind
/// becomes a test case named after the target.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ConformanceTargetAttribute(Type mmu, string kind) : Attribute
{
    public Type Mmu { get; } = mmu;

    public string Kind { get; } = kind;

    /// <summary>The name in test names, <c>Sv39.X(name)</c>; defaults to the kind. Needed when two targets share a kind.</summary>
    public string? Name { get; set; }
}
