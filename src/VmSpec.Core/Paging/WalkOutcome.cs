using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// Where a table walk ended before the leaf is judged: at a leaf (Reason None), at a malformed or
/// invalid entry (a page fault), or at a PTE address outside RAM (an access fault). It carries how
/// many entries were read, so the counters do not depend on a walk being traced, and whether a
/// pointer above a leaf had G set. What a format's <see cref="PagingMmu.Descend"/> returns, built
/// with the three factories.
/// </summary>
public readonly record struct WalkOutcome(FaultReason Reason, bool IsAccessFault, int Level, ulong PteAddress, Pte Pte, int PteReads, bool GlobalAbove = false)
{
    public bool IsLeaf => Reason == FaultReason.None;

    /// <summary>
    /// A leaf to judge. <paramref name="globalAbove"/> when a pointer the walk followed to it had G
    /// set: the privileged spec makes every mapping below such a pointer global, whatever the leaf's own G.
    /// </summary>
    public static WalkOutcome Leaf(int level, ulong pteAddress, Pte pte, int pteReads, bool globalAbove = false) =>
        new(FaultReason.None, false, level, pteAddress, pte, pteReads, globalAbove);

    public static WalkOutcome PageFault(FaultReason reason, int level, ulong pteAddress, Pte pte, int pteReads) =>
        new(reason, false, level, pteAddress, pte, pteReads);

    /// <summary>The entry at <paramref name="pteAddress"/> could not be read, so it is not among <paramref name="pteReads"/>.</summary>
    public static WalkOutcome OutsideRam(int level, ulong pteAddress, int pteReads) =>
        new(FaultReason.OutsideRam, true, level, pteAddress, default, pteReads);
}
