namespace VmSpec.Core.Kernel;

/// <summary>Why a kernel call was refused: the scenario format's <c>error</c> values.</summary>
public enum KernelError : byte
{
    None,

    /// <summary>Not enough frames (or swap, or address space) to do it; nothing was changed.</summary>
    OutOfMemory,

    /// <summary>Misuse: an unknown or duplicate pid, a suspended parent, a bad length or address.</summary>
    Invalid,
}

/// <summary>The signal a load or store ended its process with; the names are the format's.</summary>
public enum Signal : byte
{
    None,

    /// <summary>An access no mapping allows (no VMA, or the VMA's permissions forbid it).</summary>
    SIGSEGV,

    /// <summary>A fault needed a frame and none could be found (or freed by swapping).</summary>
    SIGKILL,
}

/// <summary>
/// The outcome of every kernel call. <see cref="Value"/> is the old break (sbrk), the mapped address
/// (mmap) or the value read (load); a process ended by <see cref="Signal"/> no longer exists.
/// </summary>
public readonly record struct KernelResult(KernelError Error, Signal Signal, ulong Value, string? Message)
{
    public bool IsOk => Error == KernelError.None && Signal == Signal.None;

    public static KernelResult Ok(ulong value = 0) => new(KernelError.None, Signal.None, value, null);

    public static KernelResult Invalid(string message) => new(KernelError.Invalid, Signal.None, 0, message);

    public static KernelResult OutOfMemory(string message) => new(KernelError.OutOfMemory, Signal.None, 0, message);

    public static KernelResult Killed(Signal signal, string message) => new(KernelError.None, signal, 0, message);

    public override string ToString() =>
        IsOk ? $"ok 0x{Value:x}" : Signal != Signal.None ? $"{Signal}: {Message}" : $"{Error}: {Message}";
}
