namespace VmSpec.Scenarios
{
    // An expect record exists only when the step had an `expect`; a step without one must succeed.

    /// <summary>Expectation of an access: the translation (<see cref="Pa"/>) or a fault, and the TLB outcome.</summary>
    public sealed record AccessExpect(SourceSpan Span, ulong? Pa, FaultKind? Fault, FaultReason? Reason, TlbOutcome? Tlb);

    /// <summary>
    /// Expectation of a load or store. Without a pid the step runs on the bare MMU, so it may
    /// fault; with a pid the kernel handles faults, so the outcome is a signal or a kernel error.
    /// </summary>
    public sealed record DataExpect(
        SourceSpan Span,
        ulong? Value,
        FaultKind? Fault,
        FaultReason? Reason,
        TlbOutcome? Tlb,
        ProcessSignal? Signal,
        KernelError? Error);

    /// <summary>Expectation of a kernel call: an error, or the old break (<c>value</c>, sbrk) or the mapped address (<c>va</c>, mmap).</summary>
    public sealed record KernelExpect(SourceSpan Span, KernelError? Error, AddressExpr? Value, AddressExpr? Va);

    /// <summary>Expected counters of a <c>stats</c> step; null ones are not checked.</summary>
    public sealed record StatsExpect(SourceSpan Span, ulong? TlbHits, ulong? TlbMisses, ulong? Walks, ulong? PteReads);

    /// <summary>Expected frame counts of a <c>frames</c> step; null ones are not checked.</summary>
    public sealed record FramesExpect(SourceSpan Span, ulong? Free, ulong? Used);
}
