using VmSpec.Core.Memory;
using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// Table editing shared by every table format: map, unmap, protect and raw PTE writes. Each edit
/// either completes or changes nothing (an <see cref="EditLog"/> undoes a refused one).
/// </summary>
public abstract partial class PagingMmu
{
    /// <summary>
    /// The most leaves one map may write, and the most entries an unmap or protect may visit (holes
    /// are skipped a whole table at a time, so a sparse range costs little): a mistyped size is
    /// refused instead of running for hours. Leaves of the level <see cref="LeafLevelFor"/> chose
    /// are counted, not base pages, so one superpage is one leaf whatever its size.
    /// </summary>
    public const ulong MaxEntriesPerEdit = 1UL << 24;

    private const PteFlags LeafFlags = PteFlags.R | PteFlags.W | PteFlags.X | PteFlags.U | PteFlags.G | PteFlags.A | PteFlags.D;

    /// <summary>
    /// Follows pointers (<see cref="PteShape.IsPointer"/>, table inside RAM) from the root of a
    /// space that has tables, towards <paramref name="targetLevel"/>, reading without side effects.
    /// </summary>
    protected abstract TableProbe Probe(AddressSpace space, ulong va, int targetLevel);

    /// <summary>
    /// The level of the leaf(s) a map of this range makes: by default a superpage's when the request
    /// is exactly one page of that level with va and pa aligned to it, else the base page's (0).
    /// </summary>
    protected virtual int LeafLevelFor(ulong va, ulong pa, ulong size)
    {
        for (var level = Levels - 1; level > 0; level--)
        {
            var pageSize = 1UL << PageShiftAt(level);
            if (size == pageSize && va % pageSize == 0 && pa % pageSize == 0)
                return level;
        }
        return 0;
    }

    public EditResult Map(ulong va, ulong pa, ulong size, PteFlags flags)
    {
        if ((flags & PteFlags.Rwx) == 0)
            return EditResult.Invalid("a leaf needs at least one of R, W, X");
        if (ValidateRange(va, size) is { } invalid)
            return invalid;
        var level = LeafLevelFor(va, pa, size);
        var leafSize = 1UL << PageShiftAt(level);
        if (size / leafSize > MaxEntriesPerEdit)
            return EditResult.Invalid($"0x{size:x} bytes is more than {MaxEntriesPerEdit} leaves");
        if (pa % PageSize != 0)
            return EditResult.Invalid($"pa 0x{pa:x} is not aligned to the page size");
        if (pa + size < pa || (pa + size - 1) >> FrameShift > Pte.PpnMask)
            return EditResult.Invalid($"pa range at 0x{pa:x} does not fit the PPN field");
        if (!_current.HasTables)
            return EditResult.OutOfMemory("the address space has no table");

        var log = new EditLog(Machine, _current);
        for (var offset = 0UL; offset < size; offset += leafSize)
        {
            var slot = LocateSlot(va + offset, level, log, out var error);
            if (error is null && level > 0 && PteShape.IsPointer(ReadPte(slot)))
                error = EditResult.Invalid($"a table is in the way of the superpage at 0x{va + offset:x}");
            if (error is { } refused)
            {
                log.Rollback();
                return refused;
            }
            log.Write(slot, Pte.Leaf((pa + offset) >> FrameShift, flags & LeafFlags).Raw);
        }
        return EditResult.Ok;
    }

    public EditResult Unmap(ulong va, ulong size)
    {
        if (ValidateRange(va, size) is { } invalid)
            return invalid;
        if (!_current.HasTables)
            return EditResult.Ok;
        if (CollectMappings(va, size, requireMapped: false, out var slots) is { } refused)
            return refused;
        foreach (var slot in slots)
            Memory.TryWriteUInt64(slot.SlotAddress, 0);
        return EditResult.Ok;
    }

    public EditResult Protect(ulong va, ulong size, PteFlags permissions)
    {
        if ((permissions & PteFlags.Rwx) == 0)
            return EditResult.Invalid("a leaf needs at least one of R, W, X");
        if (ValidateRange(va, size) is { } invalid)
            return invalid;
        if (!_current.HasTables)
            return EditResult.Invalid($"0x{va:x} is not mapped");
        if (CollectMappings(va, size, requireMapped: true, out var slots) is { } refused)
            return refused;
        foreach (var slot in slots)
            Memory.TryWriteUInt64(slot.SlotAddress, slot.Pte.WithPermissions(permissions).Raw);
        return EditResult.Ok;
    }

    public EditResult WritePte(ulong va, int level, ulong value)
    {
        if (RangeFault(va) is var reason and not FaultReason.None)
            return EditResult.Invalid($"0x{va:x} is {Faults.Name(reason)}");
        if (level < 0 || level >= Levels)
            return EditResult.Invalid($"level {level} is not between 0 and {Levels - 1}");
        if (!_current.HasTables)
            return EditResult.OutOfMemory("the address space has no table");

        var log = new EditLog(Machine, _current);
        var slot = LocateSlot(va, level, log, out var error);
        if (error is { } refused)
        {
            log.Rollback();
            return refused;
        }
        log.Write(slot, value);
        return EditResult.Ok;
    }

    /// <summary>
    /// The address of the PTE at <paramref name="level"/> for va, creating missing tables (an
    /// entry that is all zero) on the way. Anything else in the way is refused.
    /// </summary>
    private ulong LocateSlot(ulong va, int level, EditLog log, out EditResult? error)
    {
        error = null;
        for (var created = 0; ; created++)
        {
            var probe = Probe(_current, va, level);
            if (probe.Level == level)
                return probe.SlotAddress;
            if (probe.Pte.Raw != 0 || created >= Levels)
            {
                error = EditResult.Invalid($"{InTheWay(probe.Pte)} at level {probe.Level} is in the way of 0x{va:x}");
                return 0;
            }
            if (!log.TryAllocTable(out var frame))
            {
                error = EditResult.OutOfMemory($"no frame for a level-{probe.Level - 1} table");
                return 0;
            }
            log.Write(probe.SlotAddress, Pte.Pointer(frame >> PhysicalMemory.FrameShift).Raw);
        }
    }

    private static string InTheWay(Pte pte) =>
        PteShape.IsMapping(pte) ? "a leaf" : PteShape.IsPointer(pte) ? "a pointer outside RAM" : $"a raw entry 0x{pte.Raw:x}";

    /// <summary>
    /// The mapping PTEs of [va, va+size), skipping holes a whole table at a time. A mapping the
    /// range covers only in part (a superpage) refuses the edit, as does a hole when
    /// <paramref name="requireMapped"/>; nothing is written before the whole range is known good.
    /// </summary>
    private EditResult? CollectMappings(ulong va, ulong size, bool requireMapped, out List<TableProbe> slots)
    {
        slots = [];
        var last = va + size - 1;
        var visited = 0UL;
        for (var offset = 0UL; offset < size;)
        {
            if (++visited > MaxEntriesPerEdit)
                return EditResult.Invalid($"[0x{va:x}, +0x{size:x}) has too many entries to visit");
            var address = va + offset;
            var probe = Probe(_current, address, 0);
            var regionSize = 1UL << PageShiftAt(probe.Level);
            var regionStart = address & ~(regionSize - 1);
            if (PteShape.IsMapping(probe.Pte))
            {
                if (regionStart < va || regionStart + (regionSize - 1) > last)
                    return EditResult.Invalid($"the range cuts the {regionSize >> 10} KiB page at 0x{regionStart:x}");
                slots.Add(probe);
            }
            else if (requireMapped)
            {
                return EditResult.Invalid($"0x{address:x} is not mapped");
            }

            // Wraps to the distance to 2^64 at the very top, which ends the loop.
            offset = regionStart + regionSize - va;
        }
        return null;
    }

    private EditResult? ValidateRange(ulong va, ulong size)
    {
        if (size == 0 || va % PageSize != 0 || size % PageSize != 0)
            return EditResult.Invalid($"[0x{va:x}, +0x{size:x}) is empty or not page aligned");
        var last = va + size - 1;
        if (last < va || !_addresses.Covers(va, last))
            return EditResult.Invalid($"[0x{va:x}, +0x{size:x}) leaves the virtual address space");
        return null;
    }

    private Pte ReadPte(ulong address)
    {
        Memory.TryReadUInt64(address, out var raw);
        return new Pte(raw);
    }
}
