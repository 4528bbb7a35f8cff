using VmSpec.Core.Memory;

namespace VmSpec.Core.Mmu;

/// <summary>
/// A load or store whose bytes run past the end of the page its first byte is on. The hart this
/// suite models performs misaligned accesses itself rather than trapping (the unprivileged spec
/// leaves the choice to the execution environment), so such an access is split at each page
/// boundary, as Spike and QEMU split it: portion by portion, each with its own TLB lookup, walk and
/// checks. A fault is the faulting portion's (the privileged spec's stval names "the portion of the
/// access that caused the fault"). Bytes move only once every portion has translated into RAM, as
/// in QEMU, so a store that faults writes nothing; Spike would have written the first portion.
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

    /// <summary>Reads a split access: null and its value, or the fault of the portion that stopped it.</summary>
    public static Translation? Read(IMmu mmu, in Access access, in Translation first, int size, out ulong value)
    {
        value = 0;
        Span<ulong> bytes = stackalloc ulong[MaxAccessSize];
        if (TranslatePortions(mmu, access, first, size, bytes) is { } fault)
            return fault;
        for (var i = size - 1; i >= 0; i--)
        {
            mmu.Machine.Memory.TryRead(bytes[i], 1, out var b);
            value = (value << 8) | b;
        }
        return null;
    }

    /// <summary>Writes the low <paramref name="size"/> bytes of value as a split access: null, or the fault of the portion that stopped it, with nothing written.</summary>
    public static Translation? Write(IMmu mmu, in Access access, in Translation first, int size, ulong value)
    {
        Span<ulong> bytes = stackalloc ulong[MaxAccessSize];
        if (TranslatePortions(mmu, access, first, size, bytes) is { } fault)
            return fault;
        for (var i = 0; i < size; i++, value >>= 8)
            mmu.Machine.Memory.TryWrite(bytes[i], 1, (byte)value);
        return null;
    }

    /// <summary>
    /// The physical address of every byte of the access, into <paramref name="bytes"/>: the first
    /// portion's from <paramref name="first"/>, each further one translated at the start of its
    /// page. Null when every portion translates into RAM, else the fault of the first that does not.
    /// </summary>
    private static Translation? TranslatePortions(IMmu mmu, in Access access, in Translation first, int size, Span<ulong> bytes)
    {
        var portion = first;
        for (var done = 0; ;)
        {
            // The address wraps at 2^64 as the hart's address arithmetic does; the MMU's address rule judges it.
            var va = access.Address + (ulong)done;
            var length = BytesOnPage(va, portion.PageSize, size - done);
            if (!mmu.Machine.Memory.Contains(portion.PhysicalAddress, (ulong)length))
                return MemoryPath.OutsideRam(portion, access.Type);
            for (var i = 0; i < length; i++)
                bytes[done + i] = portion.PhysicalAddress + (ulong)i;
            done += length;
            if (done == size)
                return null;
            portion = mmu.Translate(access with { Address = va + (ulong)length });
            if (portion.IsFault)
                return portion;
        }
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
