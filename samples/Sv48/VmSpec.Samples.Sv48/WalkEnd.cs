using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// Where a table walk stopped, before the leaf is judged: at a leaf (<see cref="IsLeaf"/>), at an
/// entry steps 3 and 4 refuse (a page fault with its reason), or at a PTE address outside RAM (an
/// access fault: the spec's PMA check on the implicit read of the table).
/// </summary>
internal readonly record struct WalkEnd(FaultReason Reason, bool IsAccessFault, int Level, ulong PteAddress, Pte Pte)
{
    public bool IsLeaf => Reason == FaultReason.None;

    public static WalkEnd Leaf(int level, ulong pteAddress, Pte pte) => new(FaultReason.None, false, level, pteAddress, pte);

    public static WalkEnd PageFault(FaultReason reason, int level, ulong pteAddress, Pte pte) => new(reason, false, level, pteAddress, pte);

    public static WalkEnd OutsideRam(int level, ulong pteAddress) => new(FaultReason.OutsideRam, true, level, pteAddress, default);
}
