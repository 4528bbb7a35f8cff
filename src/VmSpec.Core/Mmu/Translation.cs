using System.Runtime.CompilerServices;

namespace VmSpec.Core.Mmu;

/// <summary>
/// The outcome of one translation: a physical address, or a fault with its reason. It also says
/// whether the TLB answered, at which level the walk ended (the leaf's level, or where it faulted;
/// -1 where no table was involved) and, when a walk ran and walks are traced, which entries it read.
/// </summary>
public readonly record struct Translation
{
    public ulong PhysicalAddress { get; init; }

    public FaultKind Fault { get; init; }

    public FaultReason Reason { get; init; }

    public bool TlbHit { get; init; }

    public int Level { get; init; }

    /// <summary>
    /// Size of the page (or segment) the address fell in; 0 after a fault. A power of two names a
    /// page aligned in the virtual address space, where a load or store running past its end is split.
    /// </summary>
    public ulong PageSize { get; init; }

    /// <summary>The entries read to get here; null when the TLB answered or <see cref="MachineOptions.TraceWalks"/> is off.</summary>
    public Walk? Walk { get; init; }

    public bool IsFault => Fault != FaultKind.None;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Translation Success(ulong pa, int level, ulong pageSize, bool tlbHit, Walk? walk) =>
        new() { PhysicalAddress = pa, Level = level, PageSize = pageSize, TlbHit = tlbHit, Walk = walk };

    public static Translation Faulted(FaultKind fault, FaultReason reason, int level, Walk? walk = null) =>
        new() { Fault = fault, Reason = reason, Level = level, Walk = walk };

    public override string ToString() => IsFault
        ? $"{Faults.Name(Fault)} ({Faults.Name(Reason)})"
        : $"pa 0x{PhysicalAddress:x}";
}
