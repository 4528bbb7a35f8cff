namespace VmSpec.Scenarios
{
    // Address-space setup for paging kinds. A null Size means "one page", whose size depends on the kind.

    /// <summary><c>map</c>: leaf PTEs for [va, va+size). A null <see cref="Pa"/> takes fresh frames.</summary>
    public sealed record MapStep(
        SourceSpan Span,
        AddressExpr Va,
        ulong? Pa,
        ulong? Size,
        Perm Perm,
        bool User,
        bool Global,
        bool Accessed,
        bool Dirty) : Step(Span)
    {
        public override string Action => "map";
    }

    /// <summary><c>unmap</c>.</summary>
    public sealed record UnmapStep(SourceSpan Span, AddressExpr Va, ulong? Size) : Step(Span)
    {
        public override string Action => "unmap";
    }

    /// <summary><c>protect</c>. A null <see cref="User"/> leaves the U bit as it is.</summary>
    public sealed record ProtectStep(SourceSpan Span, AddressExpr Va, ulong? Size, Perm Perm, bool? User) : Step(Span)
    {
        public override string Action => "protect";
    }

    /// <summary><c>pte</c>: a raw PTE read by a walk for <see cref="Va"/> at <see cref="Level"/> (0 is the last level; the root is 2 on sv39, 3 on sv48).</summary>
    public sealed record PteStep(SourceSpan Span, AddressExpr Va, int Level, ulong Value) : Step(Span)
    {
        public override string Action => "pte";
    }

    /// <summary><c>space</c>: switch to (creating if needed) the address space with this ASID.</summary>
    public sealed record SpaceStep(SourceSpan Span, ulong Asid) : Step(Span)
    {
        public override string Action => "space";
    }

    /// <summary><c>sfence</c>, with the four meanings of sfence.vma by which operands are present.</summary>
    public sealed record SfenceStep(SourceSpan Span, AddressExpr? Va, ulong? Asid) : Step(Span)
    {
        public override string Action => "sfence";
    }
}
