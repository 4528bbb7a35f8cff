namespace VmSpec.Core.Kernel;

/// <summary>How fork gives the child its private memory.</summary>
public enum ForkStrategy : byte
{
    /// <summary>The child's tables point at the parent's frames, both read-only; a write copies (xv6's cowtest lab).</summary>
    CopyOnWrite,

    /// <summary>Every private page is copied at fork time (xv6's original uvmcopy); kept to measure what COW saves.</summary>
    EagerCopy,
}

/// <summary>
/// The scenario format's <c>kernel</c> section, plus the knobs the benchmarks turn.
/// <see cref="SwapBytes"/> 0 means no swap: a call that needs frames fails out-of-memory and a
/// fault that needs one kills the process.
/// </summary>
public sealed record KernelOptions
{
    /// <summary>The program break of a spawned process when the scenario names none.</summary>
    public const ulong DefaultProgramBreak = 0x10_0000;

    public ulong SwapBytes { get; init; }

    public ForkStrategy ForkStrategy { get; init; } = ForkStrategy.CopyOnWrite;
}
