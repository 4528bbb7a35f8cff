using VmSpec.Core.Memory;
using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// Dumps an Sv48 address space from simulated memory alone, never from the MMU's bookkeeping, so
/// any Sv48 implementation that keeps its tables in the machine's RAM prints the same text and one
/// snapshot file per scenario serves them all. Follows every pointer-shaped entry whose table is in
/// RAM (malformed ones too, with a note); the depth is bounded by the four levels, so tables that
/// point at themselves still end.
/// </summary>
public sealed class Sv48Dumper(PhysicalMemory memory)
{
    public string Dump(ushort asid, ulong? root)
    {
        var writer = new DumpWriter();
        if (root is not { } table)
        {
            writer.Header($"sv48 asid {asid} no root table");
            return writer.ToString();
        }
        writer.Header($"sv48 asid {asid} root 0x{table:x16}");
        DumpTable(writer, table, Sv48Layout.RootLevel, 0);
        return writer.ToString();
    }

    private void DumpTable(DumpWriter writer, ulong table, int level, ulong vaPrefix)
    {
        var depth = Sv48Layout.RootLevel - level;
        for (var index = 0UL; index < Sv48Layout.EntriesPerTable; index++)
        {
            memory.TryReadUInt64(table + index * Pte.Size, out var raw);
            if (raw == 0)
                continue;

            var pte = new Pte(raw);
            var va = vaPrefix | (index << Sv48Layout.PageShiftAt(level));
            var note = PteRules.Problem(pte, canPoint: level > 0);
            if (PteRules.IsMapping(pte))
            {
                var pageSize = Sv48Layout.PageSizeAt(level);
                note ??= (pte.Ppn & Sv48Layout.SuperpageAlignmentMask(level)) != 0 ? "misaligned superpage" : null;
                writer.Leaf(depth, level, index, pte, Canonical.SignExtend(va), pte.Ppn << Sv48Layout.PageShift, pageSize, note);
            }
            else if (PteRules.IsPointer(pte))
            {
                var next = pte.Ppn << Sv48Layout.PageShift;
                var followable = level > 0 && memory.Contains(next, Sv48Layout.PageSize);
                writer.Pointer(depth, level, index, pte, next, note ?? (followable ? null : "table outside RAM"));
                if (followable)
                    DumpTable(writer, next, level - 1, va);
            }
            else
            {
                writer.Other(depth, level, index, pte, note);
            }
        }
    }
}
