namespace VmSpec.Scenarios
{
    /// <summary>
    /// <c>access</c>, and the shorthands <c>read</c>, <c>write</c>, <c>execute</c> (user mode).
    /// <see cref="Sum"/> and <see cref="Mxr"/> are null when the scenario's values apply.
    /// </summary>
    public sealed record AccessStep(
        SourceSpan Span,
        AddressExpr Address,
        AccessOp Op,
        PrivilegeMode Mode,
        bool? Sum,
        bool? Mxr,
        AccessExpect? Expect) : Step(Span)
    {
        public override string Action => "access";
    }

    /// <summary><c>load</c>: <see cref="Size"/> bytes, little-endian. With a pid the kernel handles faults.</summary>
    public sealed record LoadStep(SourceSpan Span, AddressExpr Va, int Size, uint? Pid, DataExpect? Expect) : Step(Span)
    {
        public override string Action => "load";
    }

    /// <summary><c>store</c>: the low <see cref="Size"/> bytes of <see cref="Value"/>, little-endian.</summary>
    public sealed record StoreStep(SourceSpan Span, AddressExpr Va, int Size, ulong Value, uint? Pid, DataExpect? Expect) : Step(Span)
    {
        public override string Action => "store";
    }
}
