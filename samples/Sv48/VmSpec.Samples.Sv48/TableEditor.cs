using VmSpec.Core;
using VmSpec.Core.Memory;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// Map, unmap, protect and raw PTE writes on the current address space's tables in simulated
/// memory. Edits never touch the TLB (a stale entry hits until sfence, as on hardware). Each edit
/// either completes or changes nothing; a refused edit says why and never throws.
/// </summary>
internal sealed class TableEditor(Machine machine, AddressSpaces spaces)
{
    /// <summary>
    /// The most leaves one map may write and the most entries an unmap or protect may visit: a
    /// mistyped size is refused instead of running for hours. Leaves, not 4 KiB pages, are
    /// counted, so one 512 GiB superpage is one leaf.
    /// </summary>
    public const ulong MaxEntriesPerEdit = 1UL << 24;

    private const PteFlags LeafFlags = PteFlags.R | PteFlags.W | PteFlags.X | PteFlags.U | PteFlags.G | PteFlags.A | PteFlags.D;

    private PhysicalMemory Memory => machine.Memory;

    public EditResult Map(ulong va, ulong pa, ulong size, PteFlags flags)
    {
        if ((flags & PteFlags.Rwx) == 0)
            return EditResult.Invalid("a leaf needs at least one of R, W, X");
        if (ValidateRange(va, size) is { } invalid)
            return invalid;
        if (pa % Sv48Layout.PageSize != 0)
            return EditResult.Invalid($"pa 0x{pa:x} is not aligned to the page size");
        if (pa + size < pa || (pa + size - 1) >> Sv48Layout.PageShift > Pte.PpnMask)
            return EditResult.Invalid($"pa range at 0x{pa:x} does not fit the PPN field");

        var level = LeafLevelFor(va, pa, size);
        var leafSize = Sv48Layout.PageSizeAt(level);
        if (size / leafSize > MaxEntriesPerEdit)
            return EditResult.Invalid($"0x{size:x} bytes is more than {MaxEntriesPerEdit} leaves");
        var space = spaces.Current;
        if (!space.HasRoot)
            return EditResult.OutOfMemory("the address space has no root table");

        var log = new EditLog(machine, space);
        for (var offset = 0UL; offset < size; offset += leafSize)
        {
            var slot = LocateSlot(space, va + offset, level, log, out var error);
            if (error is null && level > 0 && PteRules.IsPointer(ReadPte(slot)))
                error = EditResult.Invalid($"a table is in the way of the superpage at 0x{va + offset:x}");
            if (error is { } refused)
            {
                log.Rollback();
                return refused;
            }
            log.Write(slot, Pte.Leaf((pa + offset) >> Sv48Layout.PageShift, flags & LeafFlags).Raw);
        }
        return EditResult.Ok;
    }

    public EditResult Unmap(ulong va, ulong size)
    {
        if (ValidateRange(va, size) is { } invalid)
            return invalid;
        var space = spaces.Current;
        if (!space.HasRoot)
            return EditResult.Ok;
        if (CollectMappings(space, va, size, requireMapped: false, out var slots) is { } refused)
            return refused;
        foreach (var slot in slots)
            Memory.TryWriteUInt64(slot.Address, 0);
        return EditResult.Ok;
    }

    public EditResult Protect(ulong va, ulong size, PteFlags permissions)
    {
        if ((permissions & PteFlags.Rwx) == 0)
            return EditResult.Invalid("a leaf needs at least one of R, W, X");
        if (ValidateRange(va, size) is { } invalid)
            return invalid;
        var space = spaces.Current;
        if (!space.HasRoot)
            return EditResult.Invalid($"0x{va:x} is not mapped");
        if (CollectMappings(space, va, size, requireMapped: true, out var slots) is { } refused)
            return refused;
        foreach (var slot in slots)
            Memory.TryWriteUInt64(slot.Address, slot.Pte.WithPermissions(permissions).Raw);
        return EditResult.Ok;
    }

    public EditResult WritePte(ulong va, int level, ulong value)
    {
        if (!Canonical.Holds(va))
            return EditResult.Invalid($"0x{va:x} is non-canonical");
        if (level < 0 || level > Sv48Layout.RootLevel)
            return EditResult.Invalid($"level {level} is not between 0 and {Sv48Layout.RootLevel}");
        var space = spaces.Current;
        if (!space.HasRoot)
            return EditResult.OutOfMemory("the address space has no root table");

        var log = new EditLog(machine, space);
        var slot = LocateSlot(space, va, level, log, out var error);
        if (error is { } refused)
        {
            log.Rollback();
            return refused;
        }
        log.Write(slot, value);
        return EditResult.Ok;
    }

    /// <summary>
    /// Follows pointers (V, R=W=X=0, table inside RAM) from the root towards
    /// <paramref name="targetLevel"/>, reading without side effects. Looser than the walk on
    /// purpose: a pointer with reserved bits is still stepped through, so raw entries below it can
    /// be written and cleared.
    /// </summary>
    public TableSlot Probe(AddressSpace space, ulong va, int targetLevel)
    {
        var table = space.Root;
        for (var level = Sv48Layout.RootLevel; ; level--)
        {
            var address = table + Vpn.Index(va, level) * Pte.Size;
            var pte = ReadPte(address);
            var next = pte.Ppn << Sv48Layout.PageShift;
            if (level == targetLevel || !PteRules.IsPointer(pte) || !Memory.Contains(next, Sv48Layout.PageSize))
                return new TableSlot(level, address, pte);
            table = next;
        }
    }

    /// <summary>
    /// The address of the PTE at <paramref name="level"/> for va, creating the missing tables (an
    /// entry that is all zero) on the way. Anything else in the way refuses the edit.
    /// </summary>
    private ulong LocateSlot(AddressSpace space, ulong va, int level, EditLog log, out EditResult? error)
    {
        error = null;
        for (var created = 0; ; created++)
        {
            var probe = Probe(space, va, level);
            if (probe.Level == level)
                return probe.Address;
            if (probe.Pte.Raw != 0 || created >= Sv48Layout.Levels)
            {
                error = EditResult.Invalid($"{InTheWay(probe.Pte)} at level {probe.Level} is in the way of 0x{va:x}");
                return 0;
            }
            if (!log.TryAllocTable(out var frame))
            {
                error = EditResult.OutOfMemory($"no frame for a level-{probe.Level - 1} table");
                return 0;
            }
            log.Write(probe.Address, Pte.Pointer(frame >> Sv48Layout.PageShift).Raw);
        }
    }

    private static string InTheWay(Pte pte) =>
        PteRules.IsMapping(pte) ? "a leaf" : PteRules.IsPointer(pte) ? "a pointer outside RAM" : "a raw entry";

    /// <summary>
    /// The mapping PTEs of [va, va+size), skipping holes a whole table region at a time (a missing
    /// level-3 entry skips 512 GiB at once). A mapping the range covers only in part refuses the
    /// edit, as does a hole when <paramref name="requireMapped"/>; nothing is written before the
    /// whole range is known good.
    /// </summary>
    private EditResult? CollectMappings(AddressSpace space, ulong va, ulong size, bool requireMapped, out List<TableSlot> slots)
    {
        slots = [];
        var last = va + size - 1;
        var visited = 0UL;
        for (var offset = 0UL; offset < size;)
        {
            if (++visited > MaxEntriesPerEdit)
                return EditResult.Invalid($"[0x{va:x}, +0x{size:x}) has too many entries to visit");
            var address = va + offset;
            var probe = Probe(space, address, 0);
            var regionSize = Sv48Layout.PageSizeAt(probe.Level);
            var regionStart = address & ~(regionSize - 1);
            if (PteRules.IsMapping(probe.Pte))
            {
                if (regionStart < va || regionStart + (regionSize - 1) > last)
                    return EditResult.Invalid($"the range cuts the {regionSize >> 10} KiB page at 0x{regionStart:x}");
                slots.Add(probe);
            }
            else if (requireMapped)
            {
                return EditResult.Invalid($"0x{address:x} is not mapped");
            }

            // Wraps to the distance to 2^64 at the very top of the high half, which ends the loop.
            offset = regionStart + regionSize - va;
        }
        return null;
    }

    private static EditResult? ValidateRange(ulong va, ulong size)
    {
        if (size == 0 || va % Sv48Layout.PageSize != 0 || size % Sv48Layout.PageSize != 0)
            return EditResult.Invalid($"[0x{va:x}, +0x{size:x}) is empty or not page aligned");
        var last = va + size - 1;
        if (last < va || !Canonical.HoldsRange(va, last))
            return EditResult.Invalid($"[0x{va:x}, +0x{size:x}) leaves the canonical address space");
        return null;
    }

    /// <summary>
    /// The level of the leaves a map makes: a superpage's when the request is exactly one
    /// superpage with va and pa aligned to it, else 4 KiB pages.
    /// </summary>
    private static int LeafLevelFor(ulong va, ulong pa, ulong size)
    {
        for (var level = Sv48Layout.RootLevel; level > 0; level--)
        {
            var pageSize = Sv48Layout.PageSizeAt(level);
            if (size == pageSize && va % pageSize == 0 && pa % pageSize == 0)
                return level;
        }
        return 0;
    }

    private Pte ReadPte(ulong address)
    {
        Memory.TryReadUInt64(address, out var raw);
        return new Pte(raw);
    }
}
