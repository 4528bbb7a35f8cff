using VmSpec.Core.Mmu;

namespace VmSpec.Core.Kernel;

/// <summary>
/// Finds frames: the free list first, and when it is empty and swap has room, a page chosen by
/// the clock (second chance) over resident user pages, written to swap. Without swap, or with swap
/// full, nothing is evicted and the caller reports out-of-memory (a call) or SIGKILL (a fault).
/// </summary>
internal sealed class PageReclaimer(PageTableEditor editor, PageFrames frames, SwapStore swap, ResidentPages resident)
{
    public long SwappedOut { get; private set; }

    public long SwappedIn { get; private set; }

    public SwapStore Swap { get; } = swap;

    public PageFrames Frames { get; } = frames;

    public ResidentPages Resident { get; } = resident;

    /// <summary>Frames for a new page, evicting if needed.</summary>
    public bool TryAllocFrame(out ulong frame)
    {
        while (!Frames.TryAlloc(out frame))
            if (!TryEvictOne())
                return false;
        return true;
    }

    /// <summary>Runs a table edit, evicting a page and trying again while it lacks a frame.</summary>
    public EditResult Retry(Func<EditResult> edit)
    {
        while (true)
        {
            var result = edit();
            if (result.Status != EditStatus.OutOfMemory || !TryEvictOne())
                return result;
        }
    }

    /// <summary>A page that came into a frame: it may be evicted from now on.</summary>
    public void Track(Page page) => Resident.Add(page);

    public bool TryEvictOne()
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
