using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using VmSpec.Core.Memory;
using VmSpec.Core.Mmu;
using VmSpec.Core.Tlb;

namespace VmSpec.Core.Paging;

/// <summary>
/// What every paging MMU over the Sv39 PTE layout shares: the translation pipeline (range check,
/// TLB, hit cache, walk, leaf check, A/D write-back, TLB fill), address spaces, and table editing.
/// A table format supplies only its geometry and how to descend its tables (<see cref="Descend"/>
/// for the walk, <see cref="Probe"/> for editing). The hooks are <c>protected</c> and the types
/// they use public, so a format may live in another assembly (samples/Sv48 does).
/// </summary>
public abstract partial class PagingMmu : IPagingMmu
{
    private readonly Sv39Options _statusBits;
    private readonly AddressRule _addresses;
    private readonly bool _traceWalks;
    private readonly PhysicalMemory _memory;
    private readonly FrameCache _tableFrames;
    private readonly bool _sum;
    private readonly bool _mxr;

    // PageShiftAt of each level, asked once the geometry is set (StartFirstSpace), not on every walk.
    private int[] _pageShifts = [];

    /// <summary>A format over <paramref name="addresses"/> whose walks are traced when <see cref="MachineOptions.TraceWalks"/> says so.</summary>
    protected PagingMmu(Machine machine, IEnumerable<string> features, AddressRule addresses)
    {
        _addresses = addresses;
        Machine = machine;
        Features = features.ToFrozenSet();
        Tlb = new VmSpec.Core.Tlb.Tlb(machine.Options.Tlb, machine.Memory.Changes);
        _statusBits = machine.Options.Sv39;
        _traceWalks = machine.Options.TraceWalks;
        _memory = machine.Memory;
        _tableFrames = new FrameCache(machine.Memory);
        (_sum, _mxr) = (_statusBits.Sum, _statusBits.Mxr);
        ClearHitLines();
        _fillsHitLines = DecidesWholePages(addresses);
        _current = new AddressSpace(0);
    }

    public abstract string Kind { get; }

    public IReadOnlySet<string> Features { get; }

    public Machine Machine { get; }

    public MmuCounters Counters { get; } = new();

    /// <summary>The TLB translations go through, built from the machine's <c>tlb</c> options.</summary>
    public VmSpec.Core.Tlb.Tlb Tlb { get; }

    public abstract ulong PageSize { get; }

    public abstract int Levels { get; }

    protected PhysicalMemory Memory => _memory;

    /// <summary>The current space's tables as text, for a radix format over the Sv39 PTE layout (<see cref="RadixDumper"/>), its leaves' addresses shown under this MMU's address rule.</summary>
    protected string DumpRadix() => new RadixDumper(_memory, Kind, Levels, _addresses).Dump(CurrentAsid, RootOf(CurrentAsid));

    /// <summary>log2 of the size of a page mapped by a leaf at <paramref name="level"/>.</summary>
    protected abstract int PageShiftAt(int level);

    /// <summary>The size of a leaf's page at each level, from <see cref="PageShiftAt"/>: whatever the format's tables hold.</summary>
    public ulong PageSizeAt(int level) => level >= 0 && level < Levels ? 1UL << PageShiftAt(level) : 0;

    /// <summary>log2 of a frame's size: a physical address shifted right by it is its PPN (not <see cref="Pte.PpnShift"/>, the PPN's place in a PTE).</summary>
    protected int FrameShift => PageShiftAt(0);

    /// <summary>NonCanonical or OutOfRange for an address no table can hold, else None.</summary>
    protected FaultReason RangeFault(ulong va) => _addresses.Check(va);

    /// <summary>A walk's read of a PTE: <see cref="PhysicalMemory.TryReadUInt64"/>, through the host arrays of the table frames read lately.</summary>
    protected bool TryReadPte(ulong address, out ulong raw) => _tableFrames.TryReadUInt64(address, out raw);

    /// <summary>Records a PTE read into a traced walk; out of line, as most walks are not traced.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    protected static void Trace(Walk walk, in WalkStep step) => walk.Add(step);

    /// <summary>
    /// Walks the tables of a space (which has tables) for va, recording each PTE read into
    /// <paramref name="walk"/> when given (<see cref="MachineOptions.TraceWalks"/>): steps 1 to 4 of
    /// the translation process. Read PTEs with <see cref="TryReadPte"/> and record them with
    /// <see cref="Trace"/>; the leaf it ends at is judged here, with steps 5 to 8.
    /// </summary>
    protected abstract WalkOutcome Descend(AddressSpace space, ulong va, Walk? walk);

    public Translation Translate(in Access access) =>
        TryCachedHit(access, out var line) ? HitTranslation(_hitLines[line], access.Address) : TranslateMissed(access);

    /// <summary>Translation in full: range check, every page size in the TLB, then the walk.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Translation TranslateMissed(in Access access)
    {
        var va = access.Address;
        var rangeFault = RangeFault(va);
        if (rangeFault != FaultReason.None)
            return Translation.Faulted(Faults.PageFault(access.Type), rangeFault, -1);

        var context = AccessContext.For(access, _statusBits);
        var slot = Tlb.LookupSlot(va, _current.Asid);
        if (slot >= 0)
        {
            ref readonly var entry = ref Tlb.EntryAt(slot);
            if (LeafCheck.HitAllows(entry.Flags, context))
            {
                Counters.TlbHits++;
                RememberHit(va, slot);
                return Translation.Success(entry.Translate(va), entry.Level, entry.PageSize, tlbHit: true, walk: null);
            }
        }

        Counters.TlbMisses++;
        return Walk(va, context, lookupMissed: slot < 0);
    }

    /// <summary>The walk after a TLB miss; <paramref name="lookupMissed"/> when the lookup found no entry at all (rather than one the access may not use).</summary>
    private Translation Walk(ulong va, in AccessContext context, bool lookupMissed)
    {
        var space = _current;
        if (!space.HasTables)
            return Translation.Faulted(Faults.PageFault(context.Type), FaultReason.Invalid, -1);

        var walk = _traceWalks ? new Walk() : null;
        var outcome = Descend(space, va, walk);
        Counters.Walks++;
        Counters.PteReads += outcome.PteReads;
        if (!outcome.IsLeaf)
        {
            var kind = outcome.IsAccessFault ? Faults.AccessFault(context.Type) : Faults.PageFault(context.Type);
            return Translation.Faulted(kind, outcome.Reason, outcome.Level, walk);
        }

        var level = outcome.Level;
        var pageShift = _pageShifts[level];
        var ppnShift = _pageShifts[0];
        var alignmentMask = (1UL << (pageShift - ppnShift)) - 1;
        var reason = LeafCheck.Judge(outcome.Pte, context, alignmentMask, out var leaf);
        if (reason != FaultReason.None)
            return Translation.Faulted(Faults.PageFault(context.Type), reason, level, walk);
        if (leaf != outcome.Pte)
            Memory.TryWriteUInt64(outcome.PteAddress, leaf.Raw);

        // The alignment check guarantees the PPN's low fields are clear, so this is the page's start.
        var physicalBase = leaf.Ppn << ppnShift;
        var pageSize = 1UL << pageShift;
        var entry = new TlbEntry(va >> pageShift, pageShift, space.Asid, leaf.G || outcome.GlobalAbove, physicalBase, leaf.Flags, level);
        // The page gets no hit line here (see PagingMmu.HitCache): its next lookup that hits leaves one.
        if (lookupMissed)
            Tlb.InsertAfterMiss(entry);
        else
            Tlb.Insert(entry);
        var pa = physicalBase | (va & (pageSize - 1));
        // An untraced walk stores a constant null: a reference read from a variable would cost a write barrier.
        return walk is null
            ? Translation.Success(pa, level, pageSize, tlbHit: false, walk: null)
            : Translation.Success(pa, level, pageSize, tlbHit: false, walk);
    }

    public LeafLookup FindLeaf(ulong va)
    {
        if (RangeFault(va) != FaultReason.None || !_current.HasTables)
            return LeafLookup.None;
        var outcome = Descend(_current, va, walk: null);
        return outcome.IsLeaf
            ? new LeafLookup(true, outcome.Pte, outcome.Level, outcome.PteAddress, 1UL << PageShiftAt(outcome.Level))
            : LeafLookup.None;
    }

    public void Sfence(ulong? va, ushort? asid) => Tlb.Flush(va, asid);

    public abstract string Dump();
}
