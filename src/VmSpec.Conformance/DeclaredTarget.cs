using VmSpec.Core;
using VmSpec.Core.Mmu;

namespace VmSpec.Conformance;

/// <summary>A target as the generator saw it: the name, the kind the attribute declared, and how to build one.</summary>
public sealed record DeclaredTarget(string Name, string Kind, Func<Machine, IMmu> Create);
