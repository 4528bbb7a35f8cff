using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// The RISC-V Sv39 MMU: three levels of 512-entry tables, 4 KiB pages with 2 MiB and 1 GiB
/// superpages, ASID-tagged TLB, hardware or Svade A/D. The walk follows the privileged spec's
/// "Virtual Address Translation Process" step by step (see <see cref="Descend"/> and <see cref="LeafCheck"/>).
/// </summary>
public sealed class Sv39Mmu : PagingMmu
{
    public Sv39Mmu(Machine machine)
        : base(machine, [MmuFeatures.Superpages, MmuFeatures.Asid, MmuFeatures.Svade], AddressRule.Canonical(Sv39Geometry.VaBits))
    {
        StartFirstSpace();
    }

    public override string Kind => MmuKinds.Sv39;

    public override ulong PageSize => Sv39Geometry.PageSize;

    public override int Levels => Sv39Geometry.Levels;

    protected override int PageShiftAt(int level) => Sv39Geometry.PageShiftAt(level);

    protected override WalkOutcome Descend(AddressSpace space, ulong va, Walk? walk)
    {
        // Step 1: a = satp.ppn × PAGESIZE, i = LEVELS − 1. The level only goes down, so the walk ends.
        var table = space.Root;
        var globalAbove = false;
        for (var level = Levels - 1; ; level--)
        {
            // Step 2: the PTE at a + va.vpn[i] × PTESIZE; a read outside RAM is an access fault.
            var index = Sv39Geometry.Index(va, level);
            var address = table + index * Pte.Size;
            if (!TryReadPte(address, out var raw))
                return WalkOutcome.OutsideRam(level, address, pteReads: Levels - 1 - level);
            if (walk is not null)
                Trace(walk, new WalkStep(level, index, address, raw));

            // Steps 3 and 4: a pointer one level down (tested first, in one comparison, as most
            // entries a walk reads are), else invalid, reserved, a leaf, or a pointer with no level left.
            if (level > 0 && PteShape.IsUsablePointer(raw))
            {
                table = new Pte(raw).Ppn << Sv39Geometry.PageShift;
                globalAbove |= PteShape.IsGlobal(raw);
                continue;
            }
            var pte = new Pte(raw);
            var reason = PteShape.Check(pte, canPoint: level > 0, out _);
            return reason == FaultReason.None
                ? WalkOutcome.Leaf(level, address, pte, pteReads: Levels - level, globalAbove)
                : WalkOutcome.PageFault(reason, level, address, pte, pteReads: Levels - level);
        }
    }

    protected override TableProbe Probe(AddressSpace space, ulong va, int targetLevel)
    {
        var table = space.Root;
        for (var level = Levels - 1; ; level--)
        {
            var address = table + Sv39Geometry.Index(va, level) * Pte.Size;
            Memory.TryReadUInt64(address, out var raw);
            var pte = new Pte(raw);
            var next = pte.Ppn << Sv39Geometry.PageShift;
            if (level == targetLevel || !PteShape.IsPointer(pte) || !Memory.Contains(next, Sv39Geometry.PageSize))
                return new TableProbe(level, address, pte);
            table = next;
        }
    }

    public override string Dump() => DumpRadix();
}
