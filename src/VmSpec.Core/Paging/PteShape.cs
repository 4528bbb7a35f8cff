using System.Runtime.CompilerServices;
using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// Steps 3 and 4 of the privileged spec's translation process, shared by every table format that
/// uses the Sv39 PTE layout: is an entry invalid, reserved, a leaf, or a pointer to a next table?
/// Also the two shapes table editing cares about, which are looser than the walk's rules on purpose
/// (a scenario may have written a malformed entry that editing must still step over or clear).
/// Public for the <see cref="PagingMmu.Descend"/> and <see cref="PagingMmu.Probe"/> of a format in
/// another assembly; what only the core's editing and dumps use stays internal.
/// </summary>
public static class PteShape
{
    private const ulong RwxBits = (ulong)(PteFlags.R | PteFlags.W | PteFlags.X);
    private const ulong PointerReservedFlags = (ulong)(PteFlags.A | PteFlags.D | PteFlags.U);

    // The bits a usable pointer must have clear (R, W, X, the reserved A/D/U, bits 63..54), with V,
    // which it must have set: G, RSW and the PPN may be anything.
    private const ulong PointerBits = (ulong)PteFlags.V | RwxBits | PointerReservedFlags | ~0UL << Pte.ReservedShift;

    /// <summary>
    /// Why a walk stops at this entry with a page fault, or <see cref="FaultReason.None"/> when it
    /// is a usable leaf, or a usable pointer (<paramref name="isPointer"/>) where
    /// <paramref name="canPoint"/> says a next level exists.
    /// </summary>
    public static FaultReason Check(Pte pte, bool canPoint, out bool isPointer)
    {
        isPointer = false;
        if (!pte.V)
            return FaultReason.Invalid;
        if (pte.IsWriteWithoutRead || pte.ReservedBits != 0)
            return FaultReason.Reserved;
        if (pte.IsLeaf)
            return FaultReason.None;

        // For a pointer, D, A and U are reserved for future use (step 3) before the level runs out (step 4).
        if ((pte.Raw & PointerReservedFlags) != 0)
            return FaultReason.Reserved;
        if (!canPoint)
            return FaultReason.NoLeaf;
        isPointer = true;
        return FaultReason.None;
    }

    /// <summary>
    /// Whether <see cref="Check"/> would find the entry a usable pointer where a next level exists,
    /// in one comparison: the test a walk makes at every level above the leaf.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUsablePointer(ulong raw) => (raw & PointerBits) == (ulong)PteFlags.V;

    /// <summary>
    /// G, read where a walk follows a pointer: on a pointer it makes every mapping below global
    /// (the privileged spec's PTE format), so the walk carries it down to the leaf's TLB entry.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsGlobal(ulong raw) => (raw & (ulong)PteFlags.G) != 0;

    /// <summary>What editing steps through: V with R, W and X clear, whatever else is set.</summary>
    public static bool IsPointer(Pte pte) => pte.V && (pte.Raw & RwxBits) == 0;

    /// <summary>What editing treats as a mapping to unmap or protect: V with any of R, W, X (W alone included).</summary>
    internal static bool IsMapping(Pte pte) => pte.V && (pte.Raw & RwxBits) != 0;

    /// <summary>A short note on what is wrong with an entry, for dumps; null when it is well formed.</summary>
    internal static string? Problem(Pte pte, bool canPoint)
    {
        var reason = Check(pte, canPoint, out _);
        return reason switch
        {
            FaultReason.None => null,
            FaultReason.Invalid => "invalid",
            FaultReason.NoLeaf => "no-leaf: pointer with no level below",
            _ when pte.ReservedBits != 0 => "reserved: bits 63..54 set",
            _ when pte.IsWriteWithoutRead => "reserved: W without R",
            _ => "reserved: A/D/U on a pointer",
        };
    }
}
