using System.Collections.Frozen;
using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Core.Tlb;
using Tlb = VmSpec.Core.Tlb.Tlb;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// The RISC-V Sv48 MMU: four levels of 512-entry tables, 48-bit canonical addresses, 4 KiB pages
/// with 2 MiB, 1 GiB and 512 GiB superpages, the Sv39 PTE layout and rules, an ASID-tagged TLB,
/// hardware or Svade A/D. Built only on the core's public contracts and parts; it never throws on
/// any address or table contents: everything ends in a translation or a fault with its reason.
/// </summary>
public sealed class Sv48Mmu : IPagingMmu
{
    /// <summary>The kind scenarios name in their <c>mmu</c> list.</summary>
    public const string KindName = "sv48";

    private readonly Sv39Options _status;
    private readonly AddressSpaces _spaces;
    private readonly TableEditor _editor;

    public Sv48Mmu(Machine machine)
    {
        Machine = machine;
        _status = machine.Options.Sv39;
        Tlb = new Tlb(machine.Options.Tlb);
        _spaces = new AddressSpaces(machine, Tlb);
        _editor = new TableEditor(machine, _spaces);
    }

    public string Kind => KindName;

    public IReadOnlySet<string> Features { get; } =
        new[] { MmuFeatures.Superpages, MmuFeatures.Asid, MmuFeatures.Svade }.ToFrozenSet();

    public Machine Machine { get; }

    public MmuCounters Counters { get; } = new();

    /// <summary>The core's TLB, built from the machine's <c>tlb</c> options; a superpage is one entry.</summary>
    public Tlb Tlb { get; }

    public ulong PageSize => Sv48Layout.PageSize;

    public int Levels => Sv48Layout.Levels;

    public ushort CurrentAsid => _spaces.Current.Asid;

    public Translation Translate(in Access access)
    {
        // The canonical check comes first: a non-canonical address has no VPN to look up anywhere.
        var va = access.Address;
        var range = Canonical.Check(va);
        if (range != FaultReason.None)
            return Translation.Faulted(Faults.PageFault(access.Type), range, -1);

        var rules = AccessRules.For(access, _status);
        var space = _spaces.Current;
        if (Tlb.TryLookup(va, space.Asid, out var cached) && LeafRules.HitAllows(cached.Flags, rules))
        {
            Counters.TlbHits++;
            return Translation.Success(cached.Translate(va), cached.Level, cached.PageSize, tlbHit: true, walk: null);
        }

        Counters.TlbMisses++;
        return Walk(space, va, rules);
    }

    private Translation Walk(AddressSpace space, ulong va, in AccessRules rules)
    {
        if (!space.HasRoot)
            return Translation.Faulted(Faults.PageFault(rules.Type), FaultReason.Invalid, -1);

        var walk = new Walk();
        var end = TableWalk.Descend(Machine.Memory, space.Root, va, walk);
        Counters.Walks++;
        Counters.PteReads += walk.Steps.Count;
        if (!end.IsLeaf)
        {
            var kind = end.IsAccessFault ? Faults.AccessFault(rules.Type) : Faults.PageFault(rules.Type);
            return Translation.Faulted(kind, end.Reason, end.Level, walk);
        }

        var reason = LeafRules.Judge(end.Pte, end.Level, rules, out var leaf);
        if (reason != FaultReason.None)
            return Translation.Faulted(Faults.PageFault(rules.Type), reason, end.Level, walk);

        // Step 7 with hardware A/D: the updated PTE goes back to memory before the access proceeds.
        if (leaf != end.Pte)
            Machine.Memory.TryWriteUInt64(end.PteAddress, leaf.Raw);

        // Step 8: the alignment check made PPN[level-1..0] zero, so this is the page's first byte,
        // and the VPN fields below the leaf pass through as part of the offset.
        var pageShift = Sv48Layout.PageShiftAt(end.Level);
        var pageSize = 1UL << pageShift;
        var physicalBase = leaf.Ppn << Sv48Layout.PageShift;
        Tlb.Insert(new TlbEntry(va >> pageShift, pageShift, space.Asid, leaf.G, physicalBase, leaf.Flags, end.Level));
        return Translation.Success(physicalBase | (va & (pageSize - 1)), end.Level, pageSize, tlbHit: false, walk);
    }

    public LeafLookup FindLeaf(ulong va)
    {
        var space = _spaces.Current;
        if (!Canonical.Holds(va) || !space.HasRoot)
            return LeafLookup.None;
        var end = TableWalk.Descend(Machine.Memory, space.Root, va, walk: null);
        return end.IsLeaf
            ? new LeafLookup(true, end.Pte, end.Level, end.PteAddress, Sv48Layout.PageSizeAt(end.Level))
            : LeafLookup.None;
    }

    public EditResult Map(ulong va, ulong pa, ulong size, PteFlags flags) => _editor.Map(va, pa, size, flags);

    public EditResult Unmap(ulong va, ulong size) => _editor.Unmap(va, size);

    public EditResult Protect(ulong va, ulong size, PteFlags permissions) => _editor.Protect(va, size, permissions);

    /// <summary>Level 3 is the root, 0 the last; the pointers above it are followed or created.</summary>
    public EditResult WritePte(ulong va, int level, ulong value) => _editor.WritePte(va, level, value);

    public EditResult SwitchAddressSpace(ushort asid) => _spaces.Switch(asid);

    public EditResult DestroyAddressSpace(ushort asid) => _spaces.Destroy(asid);

    public long TableFrames(ushort asid) => _spaces.TableFrames(asid);

    /// <summary>The physical address of a space's root table; null when it has none or does not exist.</summary>
    public ulong? RootOf(ushort asid) => _spaces.RootOf(asid);

    public void Sfence(ulong? va, ushort? asid) => Tlb.Flush(va, asid);

    public string Dump() => new Sv48Dumper(Machine.Memory).Dump(CurrentAsid, RootOf(CurrentAsid));
}
