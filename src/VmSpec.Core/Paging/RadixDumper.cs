using VmSpec.Core.Memory;

namespace VmSpec.Core.Paging;

/// <summary>
/// Dumps an address space of a RISC-V radix format over the Sv39 PTE layout (512-entry tables,
/// 4 KiB base pages, a 9-bit VPN per level: Sv39 with three levels, Sv48 with four) from simulated
/// memory alone, so every implementation of a kind that keeps its tables the same way produces the
/// same text. Follows every pointer-shaped entry whose table is in RAM (malformed ones too, noting
/// why a walk would refuse them); the depth is bounded by the levels, so even tables that point at
/// themselves end.
/// </summary>
public sealed class RadixDumper
{
    // The page shift, VPN width and table size of every radix format are Sv39's; only the levels differ.
    private const int PageShift = Sv39Geometry.PageShift;

    private readonly PhysicalMemory _memory;
    private readonly string _kind;
    private readonly int _levels;
    private readonly AddressRule _addresses;

    /// <param name="memory">Where the tables are.</param>
    /// <param name="kind">The header's first word: the kind's name, <c>sv39</c> or <c>sv48</c>.</param>
    /// <param name="levels">1 to 5: the tables index 12 + 9 × levels bits of the virtual address.</param>
    /// <param name="addresses">
    /// How the format's addresses look, for the leaves' virtual addresses: sign-extended from their
    /// top bit (canonical) or not. Defaults to the canonical rule over the bits the tables index, as
    /// in Sv39 and Sv48.
    /// </param>
    public RadixDumper(PhysicalMemory memory, string kind, int levels, AddressRule? addresses = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(levels, 5);
        _memory = memory;
        _kind = kind;
        _levels = levels;
        _addresses = addresses ?? AddressRule.Canonical(PageShift + Sv39Geometry.VpnBits * levels);
    }

    public string Dump(ushort asid, ulong? root)
    {
        var writer = new TableDumpWriter();
        if (root is not { } table)
        {
            writer.Header($"{_kind} asid {asid} no root table");
            return writer.ToString();
        }
        writer.Header($"{_kind} asid {asid} root 0x{table:x16}");
        DumpTable(writer, table, _levels - 1, 0);
        return writer.ToString();
    }

    private void DumpTable(TableDumpWriter writer, ulong table, int level, ulong vaPrefix)
    {
        var depth = _levels - 1 - level;
        var name = $"L{level}";
        for (var index = 0UL; index < Sv39Geometry.EntriesPerTable; index++)
        {
            _memory.TryReadUInt64(table + index * Pte.Size, out var raw);
            if (raw == 0)
                continue;

            var pte = new Pte(raw);
            var va = vaPrefix | (index << Sv39Geometry.PageShiftAt(level));
            var note = PteShape.Problem(pte, canPoint: level > 0);
            if (PteShape.IsMapping(pte))
            {
                var pageSize = 1UL << Sv39Geometry.PageShiftAt(level);
                var misaligned = (pte.Ppn & ((pageSize >> PageShift) - 1)) != 0;
                note ??= misaligned ? "misaligned superpage" : null;
                writer.Leaf(depth, name, index, pte, VirtualAddress(va), pte.Ppn << PageShift, pageSize, note);
            }
            else if (PteShape.IsPointer(pte))
            {
                var next = pte.Ppn << PageShift;
                var followable = level > 0 && _memory.Contains(next, Sv39Geometry.PageSize);
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

    /// <summary>The address the tables' index bits stand for: under a canonical rule, its top bit copied into the bits above it.</summary>
    private ulong VirtualAddress(ulong va) => _addresses.Extend(va);
}
