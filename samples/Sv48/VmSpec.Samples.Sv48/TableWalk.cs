using VmSpec.Core.Memory;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// Steps 1 to 4 of the translation process over four levels: start at the root (what satp.PPN
/// names), read the PTE VPN[i] selects, and go down one level per pointer until a leaf or a fault.
/// Reads only simulated memory, so whatever a scenario wrote into the tables is what is walked.
/// </summary>
internal static class TableWalk
{
    /// <summary>
    /// Walks from <paramref name="root"/> for va, recording each PTE read into <paramref name="walk"/>
    /// when given. The level only goes down, so the walk ends after at most four reads, even over
    /// tables that point at themselves.
    /// </summary>
    public static WalkEnd Descend(PhysicalMemory memory, ulong root, ulong va, Walk? walk)
    {
        var table = root;
        for (var level = Sv48Layout.RootLevel; ; level--)
        {
            var index = Vpn.Index(va, level);
            var address = table + index * Pte.Size;
            if (!memory.TryReadUInt64(address, out var raw))
                return WalkEnd.OutsideRam(level, address);
            walk?.Add(new WalkStep(level, index, address, raw));

            var pte = new Pte(raw);
            var reason = PteRules.Check(pte, canPoint: level > 0, out var isPointer);
            if (reason != FaultReason.None)
                return WalkEnd.PageFault(reason, level, address, pte);
            if (!isPointer)
                return WalkEnd.Leaf(level, address, pte);

            // A PPN is at most 44 bits, so the next table's address fits in 56 bits: no overflow.
            table = pte.Ppn << Sv48Layout.PageShift;
        }
    }
}
