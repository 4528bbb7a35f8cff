using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// Steps 3 and 4 of the privileged spec's translation process, which Sv48 shares with Sv39 word for
/// word: is an entry invalid, reserved, a leaf, or a pointer to a next table? Written here because
/// the core keeps its copy internal; the PTE layout itself is the public <see cref="Pte"/>.
/// Also the two looser shapes table editing steps through, so a malformed raw entry can still be
/// cleared by unmap.
/// </summary>
internal static class PteRules
{
    private const ulong RwxBits = (ulong)(PteFlags.R | PteFlags.W | PteFlags.X);

    // On a pointer, D, A and U are reserved for future use: a walk must fault rather than ignore them.
    private const ulong PointerReservedFlags = (ulong)(PteFlags.A | PteFlags.D | PteFlags.U);

    /// <summary>
    /// Why a walk stops at this entry with a page fault, or <see cref="FaultReason.None"/> for a
    /// leaf, or for a pointer (<paramref name="isPointer"/>) when <paramref name="canPoint"/> says
    /// a level is left below.
    /// </summary>
    public static FaultReason Check(Pte pte, bool canPoint, out bool isPointer)
    {
        isPointer = false;
        if (!pte.V)
            return FaultReason.Invalid;

        // Step 3: W without R, and bits 63..54 (reserved, N and PBMT: this MMU has neither Svnapot
        // nor Svpbmt), fault whatever the level.
        if (pte.IsWriteWithoutRead || pte.ReservedBits != 0)
            return FaultReason.Reserved;
        if (pte.IsLeaf)
            return FaultReason.None;
        if ((pte.Raw & PointerReservedFlags) != 0)
            return FaultReason.Reserved;

        // Step 4: a pointer at level 0 has nowhere to point.
        if (!canPoint)
            return FaultReason.NoLeaf;
        isPointer = true;
        return FaultReason.None;
    }

    /// <summary>What editing follows down: V with R, W and X clear, whatever else is set.</summary>
    public static bool IsPointer(Pte pte) => pte.V && (pte.Raw & RwxBits) == 0;

    /// <summary>What unmap and protect treat as a mapping: V with any of R, W, X (W alone included).</summary>
    public static bool IsMapping(Pte pte) => pte.V && (pte.Raw & RwxBits) != 0;

    /// <summary>The note a dump prints after an entry a walk would refuse; null for a good entry.</summary>
    public static string? Problem(Pte pte, bool canPoint) => Check(pte, canPoint, out _) switch
    {
        FaultReason.None => null,
        FaultReason.Invalid => "invalid",
        FaultReason.NoLeaf => "no-leaf: pointer with no level below",
        _ when pte.ReservedBits != 0 => "reserved: bits 63..54 set",
        _ when pte.IsWriteWithoutRead => "reserved: W without R",
        _ => "reserved: A/D/U on a pointer",
    };
}
