using VmSpec.Core.Memory;

namespace VmSpec.Core.Paging;

/// <summary>
/// Dumps a single-level table from simulated memory: a header with the geometry, then every
/// non-zero PTE in index order. The whole table is read, so a dump costs one read per entry.
/// </summary>
public sealed class SingleLevelDumper(PhysicalMemory memory, SingleLevelGeometry geometry)
{
    public string Dump(ushort asid, ulong? table)
    {
        var writer = new TableDumpWriter();
        var shape = $"page {TableDumpWriter.SizeText(geometry.PageSize)} va-bits {geometry.VaBits}";
        if (table is not { } root || geometry.TableBytes is not { } bytes)
        {
            writer.Header($"single-level asid {asid} {shape} no table");
            return writer.ToString();
        }

        writer.Header($"single-level asid {asid} {shape} table 0x{root:x16} size 0x{bytes:x}");
        var entries = bytes / Pte.Size;
        for (var index = 0UL; index < entries; index++)
        {
            memory.TryReadUInt64(root + index * Pte.Size, out var raw);
            if (raw == 0)
                continue;
            var pte = new Pte(raw);
            var note = PteShape.Problem(pte, canPoint: false);
            if (PteShape.IsMapping(pte))
                writer.Leaf(0, "PT", index, pte, index << geometry.PageBits, pte.Ppn << geometry.PageBits, geometry.PageSize, note);
            else
                writer.Other(0, "PT", index, pte, note);
        }
        return writer.ToString();
    }
}
