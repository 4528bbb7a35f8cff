using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// The RISC-V Sv48 MMU: four levels of 512-entry tables, 48-bit canonical addresses, 4 KiB pages
/// with 2 MiB, 1 GiB and 512 GiB superpages, the Sv39 PTE layout and rules, an ASID-tagged TLB,
/// hardware or Svade A/D. The core's <see cref="PagingMmu"/> does the rest (canonical check, TLB
/// and hit cache, leaf check, A/D write-back, TLB fill, address spaces, table editing); this class
/// gives only the geometry, the walk and the editing descent over four levels, and the dump's kind.
/// It never throws on any address or table contents: everything ends in a translation or a fault.
/// </summary>
public sealed class Sv48Mmu : PagingMmu
{
    /// <summary>The kind scenarios name in their <c>mmu</c> list.</summary>
    public const string KindName = "sv48";

    public Sv48Mmu(Machine machine)
        : base(machine, [MmuFeatures.Superpages, MmuFeatures.Asid, MmuFeatures.Svade], Canonical.Rule)
    {
        StartFirstSpace();
    }

    public override string Kind => KindName;

    public override ulong PageSize => Sv48Layout.PageSize;

    public override int Levels => Sv48Layout.Levels;

    protected override int PageShiftAt(int level) => Sv48Layout.PageShiftAt(level);

    protected override WalkOutcome Descend(AddressSpace space, ulong va, Walk? walk)
    {
        // Step 1: a = satp.ppn × PAGESIZE, i = 3. The level only goes down, so the walk ends after at
        // most four reads, even over tables that point at themselves.
        var table = space.Root;
        var globalAbove = false;
        for (var level = Sv48Layout.RootLevel; ; level--)
        {
            // Step 2: the PTE at a + va.vpn[i] × PTESIZE; a read outside RAM is an access fault.
            var index = Sv48Layout.Index(va, level);
            var address = table + index * Pte.Size;
            if (!TryReadPte(address, out var raw))
                return WalkOutcome.OutsideRam(level, address, pteReads: Sv48Layout.RootLevel - level);
            if (walk is not null)
                Trace(walk, new WalkStep(level, index, address, raw));

            // Steps 3 and 4: a pointer one level down (tested first, in one comparison), else
            // invalid, reserved, a leaf, or a pointer at level 0 with nowhere to point.
            if (level > 0 && PteShape.IsUsablePointer(raw))
            {
                table = new Pte(raw).Ppn << Sv48Layout.PageShift;
                // G on a pointer makes every mapping below it global.
                globalAbove |= PteShape.IsGlobal(raw);
                continue;
            }
            var pte = new Pte(raw);
            var reason = PteShape.Check(pte, canPoint: level > 0, out _);
            return reason == FaultReason.None
                ? WalkOutcome.Leaf(level, address, pte, pteReads: Sv48Layout.Levels - level, globalAbove)
                : WalkOutcome.PageFault(reason, level, address, pte, pteReads: Sv48Layout.Levels - level);
        }
    }

    /// <summary>
    /// Looser than the walk on purpose: a pointer with reserved bits is still stepped through, so
    /// raw entries below it can be written and cleared; only a table outside RAM stops it.
    /// </summary>
    protected override TableProbe Probe(AddressSpace space, ulong va, int targetLevel)
    {
        var table = space.Root;
        for (var level = Sv48Layout.RootLevel; ; level--)
        {
            var address = table + Sv48Layout.Index(va, level) * Pte.Size;
            Memory.TryReadUInt64(address, out var raw);
            var pte = new Pte(raw);
            var next = pte.Ppn << Sv48Layout.PageShift;
            if (level == targetLevel || !PteShape.IsPointer(pte) || !Memory.Contains(next, Sv48Layout.PageSize))
                return new TableProbe(level, address, pte);
            table = next;
        }
    }

    /// <summary>Level 3 (the root) down to 0, leaf addresses sign-extended from bit 47, sizes up to <c>512GiB</c>.</summary>
    public override string Dump() => DumpRadix();
}
