using VmSpec.Core.Mmu;

namespace VmSpec.Core.Kernel;

/// <summary>
/// Finds frames: the free list first; when it is empty and swap is on, a page chosen by the clock
/// (second chance) over resident user pages, written to swap; and when no page can be evicted (every
/// resident page pinned, or swap full), the page tables a space holds beyond what its clock page
/// needs: the tables evicted pages left empty. Without swap nothing is reclaimed and the caller
/// reports out-of-memory (a call) or SIGKILL (a fault).
/// </summary>
internal sealed class PageReclaimer(PageTableEditor editor, PageFrames frames, SwapStore swap, ResidentPages resident)
{
    // Every address space that has tables, in creation order, so the choice of one to trim is repeatable.
    private readonly List<ProcessSpace> _spaces = [];

    public long SwappedOut { get; private set; }

    public long SwappedIn { get; private set; }

    /// <summary>How many times a space's tables were taken back down to its clock page's.</summary>
    public long TablesTrimmed { get; private set; }

    public SwapStore Swap { get; } = swap;

    public PageFrames Frames { get; } = frames;

    public ResidentPages Resident { get; } = resident;

    /// <summary>
    /// The table frames of a space whose only leaf is the clock page's: what every space needs while
    /// it exists (the root and the clock page's path), measured on the first spawn. Null until then.
    /// </summary>
    public long? ClockOnlyTableFrames { get; private set; }

    public void NoteClockOnlyTables(long tableFrames) => ClockOnlyTableFrames ??= tableFrames;

    /// <summary>A space now has tables; it may be trimmed from now on.</summary>
    public void Register(ProcessSpace space) => _spaces.Add(space);

    /// <summary>A space's tables are gone with it.</summary>
    public void Unregister(ProcessSpace space) => _spaces.Remove(space);

    /// <summary>Frames for a new page, reclaiming if needed.</summary>
    public bool TryAllocFrame(out ulong frame)
    {
        while (!Frames.TryAlloc(out frame))
            if (!TryReclaimOne())
                return false;
        return true;
    }

    /// <summary>Runs a table edit, reclaiming and trying again while it lacks a frame.</summary>
    public EditResult Retry(Func<EditResult> edit)
    {
        while (true)
        {
            var result = edit();
            if (result.Status != EditStatus.OutOfMemory || !TryReclaimOne())
                return result;
        }
    }

    /// <summary>A page that came into a frame: it may be evicted from now on.</summary>
    public void Track(Page page) => Resident.Add(page);

    /// <summary>
    /// Frees at least one frame if swap is on and anything can give one: a page evicted by the clock,
    /// or else the empty tables of the space holding the most table frames. False when nothing can.
    /// </summary>
    public bool TryReclaimOne() => Swap.Capacity > 0 && (TryEvictOne() || TryTrimTables());

    private bool TryEvictOne()
    {
        if (Swap.IsFull || Resident.ChooseVictim() is not { } victim)
            return false;
        if (!Swap.TryStore(Frames.Read(victim.Frame), out var slot))
            return false;

        foreach (var space in victim.MappedBy.ToArray())
            editor.Remove(space, victim.Va);
        Resident.Remove(victim);
        Frames.Free(victim.Frame);
        victim.SwapSlot = slot;
        SwappedOut++;
        return true;
    }

    /// <summary>
    /// Gives a space new tables holding only its clock page's leaf. It runs once no page can be
    /// evicted, so the leaves it drops are of pages that stay resident (pinned by the operation in
    /// progress, or with no swap slot to go to); a later touch maps them again (a minor fault).
    /// </summary>
    private bool TryTrimTables()
    {
        if (ClockOnlyTableFrames is not { } floor)
            return false;
        // The most tables first; on a tie the space trimmed longest ago, then the earliest created
        // (the order of _spaces). Without the middle rule two spaces with as many tables each would
        // see only the first trimmed, over and over, though only the other's tables are empty: a
        // page-crossing access whose first page's tables the trim took back would then ping-pong.
        ProcessSpace? fattest = null;
        var most = floor;
        foreach (var space in _spaces)
        {
            var tables = editor.Mmu.TableFrames(space.Asid);
            if (tables > most || (tables == most && fattest is not null && space.LastTrimmed < fattest.LastTrimmed))
                (fattest, most) = (space, tables);
        }
        if (fattest is null)
            return false;

        new SpaceRebuilder(editor, this).Rebuild(fattest, keep: leaf => leaf.Page.KernelOwned);
        fattest.LastTrimmed = ++TablesTrimmed;
        return true;
    }

    /// <summary>Brings a swapped page back into a frame (its PTEs are made by the faults that follow).</summary>
    public bool TrySwapIn(Page page)
    {
        if (!TryAllocFrame(out var frame))
            return false;
        Frames.Write(frame, Swap.Read(page.SwapSlot));
        Swap.Free(page.SwapSlot);
        page.SwapSlot = Page.NoSlot;
        page.Frame = frame;
        Track(page);
        SwappedIn++;
        return true;
    }

    /// <summary>Fills a fresh frame with a page's contents, from its frame or, if it is in swap, from its slot.</summary>
    public void CopyContents(Page page, ulong frame)
    {
        if (page.IsResident)
            Frames.Copy(page.Frame, frame);
        else
            Frames.Write(frame, Swap.Read(page.SwapSlot));
    }

    /// <summary>Gives back what a page occupies, frame or slot; its PTEs must be gone already.</summary>
    public void Release(Page page)
    {
        if (page.IsResident)
        {
            Resident.Remove(page);
            Frames.Free(page.Frame);
        }
        else
        {
            Swap.Free(page.SwapSlot);
        }
    }

    /// <summary>A second copy of a swapped page's contents, for an eager fork; false when swap is full.</summary>
    public bool TryDuplicateSlot(Page page, out int slot) =>
        Swap.TryStore((byte[])Swap.Read(page.SwapSlot).Clone(), out slot);

    /// <summary>A holder lets go of a page; the last one frees it. Its leaves in that space must be gone already.</summary>
    public void Drop(Page page)
    {
        if (--page.Holders == 0)
            Release(page);
    }

    /// <summary>A VMA stops mapping its shared region; the last mapping frees the region's pages.</summary>
    public void Unshare(Vma vma)
    {
        if (vma.Region is not { } region || --region.Mappings > 0)
            return;
        foreach (var page in region.Pages.Values)
            Release(page);
        region.Pages.Clear();
    }
}
