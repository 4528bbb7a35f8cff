namespace VmSpec.Core.Mmu;

/// <summary>
/// A load or store whose bytes run past the end of the page its first byte is on. The hart this
/// suite models performs misaligned accesses itself rather than trapping (the unprivileged spec
/// leaves the choice to the execution environment), so such an access is split at each page
/// boundary, as Spike and QEMU split it: portion by portion, each with its own TLB lookup, walk and
/// checks. A fault is the faulting portion's (the privileged spec's stval names "the portion of the
/// access that caused the fault"); a portion's translation fault outranks another's address outside
/// RAM, as translation comes before the physical access. Bytes move only once every portion has
/// translated into RAM, as in QEMU, so a store that faults writes nothing; Spike would have written
/// the first portion.
/// </summary>
internal static class PageCrossing
{
    private const int MaxAccessSize = sizeof(ulong);

    /// <summary>
    /// Whether a <paramref name="size"/>-byte access at va, whose first byte is on a page of
    /// <paramref name="pageSize"/> bytes aligned in the virtual address space, runs past that page.
    /// A page size that is not a power of two names no such page (a segment's), and an access size
    /// RAM does not serve is left for RAM to refuse whole.
    /// </summary>
    public static bool Splits(ulong va, ulong pageSize, int size) =>
        size is 2 or 4 or 8 && BytesOnPage(va, pageSize, size) < size;

    /// <summary>Reads a split access: its value, or the fault of the portion that stopped it.</summary>
    public static MemoryResult Read(IMmu mmu, in Access access, in Translation first, int size)
    {
        Span<ulong> bytes = stackalloc ulong[MaxAccessSize];
        var portions = TranslatePortions(mmu, access, first, size, bytes);
        if (FaultOf(portions) is { } fault)
            return new(fault, 0) { Portions = portions };
        var value = 0UL;
        for (var i = size - 1; i >= 0; i--)
        {
            mmu.Machine.Memory.TryRead(bytes[i], 1, out var b);
            value = (value << 8) | b;
        }
        return new(first, value) { Portions = portions };
    }

    /// <summary>Writes the low <paramref name="size"/> bytes of value as a split access, or nothing when a portion faults.</summary>
    public static MemoryResult Write(IMmu mmu, in Access access, in Translation first, int size, ulong value)
    {
        Span<ulong> bytes = stackalloc ulong[MaxAccessSize];
        var portions = TranslatePortions(mmu, access, first, size, bytes);
        if (FaultOf(portions) is { } fault)
            return new(fault, 0) { Portions = portions };
        for (var (i, rest) = (0, value); i < size; i++, rest >>= 8)
            mmu.Machine.Memory.TryWrite(bytes[i], 1, (byte)rest);
        return new(first, value) { Portions = portions };
    }

    /// <summary>
    /// The physical address of every byte of the access, into <paramref name="bytes"/>: the first
    /// portion's from <paramref name="first"/>, each further one translated at the start of its
    /// page. Returns the portions translated, up to the first that faulted in translation; failing
    /// that, the first whose bytes lie outside RAM carries an access fault. Every portion is
    /// translated before any is checked against RAM: the spec's exception priority puts a fault met
    /// during address translation above an access fault with a physical address, so a later
    /// portion's page fault outranks an earlier portion's address outside RAM.
    /// </summary>
    private static List<AccessPortion> TranslatePortions(IMmu mmu, in Access access, in Translation first, int size, Span<ulong> bytes)
    {
        var portions = new List<AccessPortion>(2);
        var portion = first;
        var outsideRam = -1;
        for (var done = 0; ;)
        {
            // The address wraps at 2^64 as the hart's address arithmetic does; the MMU's address rule judges it.
            var va = access.Address + (ulong)done;
            portions.Add(new AccessPortion(va, portion));
            if (portion.IsFault)
                return portions;
            var length = BytesOnPage(va, portion.PageSize, size - done);
            if (outsideRam < 0 && !mmu.Machine.Memory.Contains(portion.PhysicalAddress, (ulong)length))
                outsideRam = portions.Count - 1;
            for (var i = 0; i < length; i++)
                bytes[done + i] = portion.PhysicalAddress + (ulong)i;
            done += length;
            if (done == size)
                break;
            portion = mmu.Translate(access with { Address = va + (ulong)length });
        }

        if (outsideRam >= 0)
            portions[outsideRam] = portions[outsideRam] with { Translation = MemoryPath.OutsideRam(portions[outsideRam].Translation, access.Type) };
        return portions;
    }

    private static Translation? FaultOf(List<AccessPortion> portions)
    {
        foreach (var portion in portions)
            if (portion.Translation.IsFault)
                return portion.Translation;
        return null;
    }

    /// <summary>How many of <paramref name="size"/> bytes from va lie on va's page; all of them when the page size is not a power of two.</summary>
    private static int BytesOnPage(ulong va, ulong pageSize, int size)
    {
        if (!ulong.IsPow2(pageSize))
            return size;
        var left = pageSize - (va & (pageSize - 1));
        return left < (ulong)size ? (int)left : size;
    }
}
