namespace VmSpec.Core.Paging;

/// <summary>
/// One line of a paging MMU's hit cache: a 4 KiB virtual page that recently hit in the TLB, the
/// slot that answered, what that entry allows, where the page lies in RAM and the host array it
/// reads from, with the state it was derived under (see <see cref="PagingMmu"/>'s hit cache).
/// </summary>
internal struct HitLine
{
    public const int PageShift = 12;
    public const ulong OffsetMask = (1UL << PageShift) - 1;

    /// <summary>Not a page address (pages are aligned), so an unfilled line never matches.</summary>
    public const ulong NoPage = 1;

    public ulong VaPage;

    /// <summary>The machine's <see cref="ChangeCount"/> when the line was filled.</summary>
    public long Stamp;

    /// <summary>What the page's frame reads from; null when the page is outside RAM.</summary>
    public byte[]? Frame;

    /// <summary>The physical address of the 4 KiB page (within a superpage, the part va falls in).</summary>
    public ulong PagePa;

    public ulong PageSize;

    public int Slot;

    public int Level;

    /// <summary>The kinds of access the entry's flags allow under the machine's SUM and MXR (<see cref="HitPermission"/>).</summary>
    public byte Permits;
}
