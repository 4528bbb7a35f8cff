using VmSpec.Core.Memory;

namespace VmSpec.Core.Paging;

/// <summary>
/// Dumps an Sv39 address space from simulated memory alone, so every Sv39 implementation that keeps
/// its tables the same way produces the same text. Follows every pointer-shaped entry whose table is
/// in RAM (malformed ones too, noting why a walk would refuse them); the depth is bounded by the
/// levels, so even tables that point at themselves end.
/// </summary>
public sealed class Sv39Dumper(PhysicalMemory memory)
{
    public string Dump(ushort asid, ulong? root)
    {
        var writer = new TableDumpWriter();
        if (root is not { } table)
        {
            writer.Header($"sv39 asid {asid} no root table");
            return writer.ToString();
        }
        writer.Header($"sv39 asid {asid} root 0x{table:x16}");
        DumpTable(writer, table, Sv39Geometry.Levels - 1, 0);
        return writer.ToString();
    }

    private void DumpTable(TableDumpWriter writer, ulong table, int level, ulong vaPrefix)
    {
        var depth = Sv39Geometry.Levels - 1 - level;
        var name = $"L{level}";
        for (var index = 0UL; index < Sv39Geometry.EntriesPerTable; index++)
        {
            memory.TryReadUInt64(table + index * Pte.Size, out var raw);
            if (raw == 0)
                continue;

            var pte = new Pte(raw);
            var va = vaPrefix | (index << Sv39Geometry.PageShiftAt(level));
            var note = PteShape.Problem(pte, canPoint: level > 0);
            if (PteShape.IsMapping(pte))
            {
                var pageSize = 1UL << Sv39Geometry.PageShiftAt(level);
                var misaligned = (pte.Ppn & ((pageSize >> Sv39Geometry.PageShift) - 1)) != 0;
                note ??= misaligned ? "misaligned superpage" : null;
                writer.Leaf(depth, name, index, pte, Sv39Geometry.SignExtend(va), pte.Ppn << Sv39Geometry.PageShift, pageSize, note);
            }
            else if (PteShape.IsPointer(pte))
            {
                var next = pte.Ppn << Sv39Geometry.PageShift;
                var followable = level > 0 && memory.Contains(next, Sv39Geometry.PageSize);
                writer.Pointer(depth, name, index, pte, next, note ?? (followable ? null : "table outside RAM"));
                if (followable)
                    DumpTable(writer, next, level - 1, va);
            }
            else
            {
                writer.Other(depth, name, index, pte, note);
            }
        }
    }
}
