using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// Where a table walk ended before the leaf is judged: at a leaf (Reason None), at a malformed or
/// invalid entry (a page fault), or at a PTE address outside RAM (an access fault).
/// </summary>
internal readonly record struct WalkOutcome(FaultReason Reason, bool IsAccessFault, int Level, ulong PteAddress, Pte Pte)
{
    public bool IsLeaf => Reason == FaultReason.None;

    public static WalkOutcome Leaf(int level, ulong pteAddress, Pte pte) => new(FaultReason.None, false, level, pteAddress, pte);

    public static WalkOutcome PageFault(FaultReason reason, int level, ulong pteAddress, Pte pte) =>
        new(reason, false, level, pteAddress, pte);

    public static WalkOutcome OutsideRam(int level, ulong pteAddress) =>
        new(FaultReason.OutsideRam, true, level, pteAddress, default);
}
