namespace VmSpec.Scenarios
{
    // Kernel model steps. Every one may expect `error`; without an expect it must succeed.

    /// <summary><c>spawn</c>. A null <see cref="Break"/> lets the kernel choose (0x10_0000).</summary>
    public sealed record SpawnStep(SourceSpan Span, uint Pid, ulong? Break, KernelExpect? Expect) : Step(Span)
    {
        public override string Action => "spawn";
    }

    /// <summary><c>fork</c>.</summary>
    public sealed record ForkStep(SourceSpan Span, uint Parent, uint Child, KernelExpect? Expect) : Step(Span)
    {
        public override string Action => "fork";
    }

    /// <summary><c>vfork</c>: the child borrows the parent's space; the parent waits for its exit.</summary>
    public sealed record VforkStep(SourceSpan Span, uint Parent, uint Child, KernelExpect? Expect) : Step(Span)
    {
        public override string Action => "vfork";
    }

    /// <summary><c>exit</c>.</summary>
    public sealed record ExitStep(SourceSpan Span, uint Pid, KernelExpect? Expect) : Step(Span)
    {
        public override string Action => "exit";
    }

    /// <summary><c>switch</c>: context switch to <see cref="Pid"/>.</summary>
    public sealed record SwitchStep(SourceSpan Span, uint Pid, KernelExpect? Expect) : Step(Span)
    {
        public override string Action => "switch";
    }

    /// <summary><c>sbrk</c>: grow (or, negative, shrink) the heap; <see cref="As"/> names the old break.</summary>
    public sealed record SbrkStep(SourceSpan Span, uint Pid, long Bytes, string? As, KernelExpect? Expect) : Step(Span)
    {
        public override string Action => "sbrk";
    }

    /// <summary><c>mmap</c>: anonymous memory, lazily zero-filled; <see cref="As"/> names the mapped address.</summary>
    public sealed record MmapStep(SourceSpan Span, uint Pid, ulong Length, Perm Perm, bool Shared, string? As, KernelExpect? Expect) : Step(Span)
    {
        public override string Action => "mmap";
    }

    /// <summary><c>munmap</c>.</summary>
    public sealed record MunmapStep(SourceSpan Span, uint Pid, AddressExpr Va, ulong Length, KernelExpect? Expect) : Step(Span)
    {
        public override string Action => "munmap";
    }
}
