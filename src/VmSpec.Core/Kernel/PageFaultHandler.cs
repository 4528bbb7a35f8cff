using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

/// <summary>How a page fault ended.</summary>
internal enum FaultOutcome : byte
{
    /// <summary>The leaf is in place; the access may be retried.</summary>
    Resolved,

    /// <summary>No VMA allows the access: SIGSEGV.</summary>
    Segv,

    /// <summary>A frame was needed and none could be found: SIGKILL.</summary>
    Kill,
}

/// <summary>
/// The kernel's page-fault path. The VMA decides whether the access is legal at all; then the page
/// is found or made (zero-filled on first touch: lazy allocation), brought back from swap if it was
/// evicted, copied if it is a private page written while others hold it (COW), and mapped with the
/// VMA's permissions, less W while the private page is still shared. A write by the last holder of
/// a COW page copies nothing: the leaf just gets W back.
/// </summary>
internal sealed class PageFaultHandler(PageTableEditor editor, PageReclaimer reclaimer, UserLayout layout, Page clockPage)
{
    public FaultCounts Counts { get; } = new();

    public FaultOutcome Handle(AddressSpace space, ulong va, bool write)
    {
        var vma = space.FindVma(va);
        if (vma is null || !vma.Allows(write))
        {
            Counts.Segv++;
            return FaultOutcome.Segv;
        }

        var pageVa = layout.PageFloor(va);
        var page = vma.Kind == VmaKind.Clock ? clockPage : FindOrCreate(space, vma, pageVa);
        if (page is null || (!page.IsResident && !SwapIn(page)))
            return Killed();

        page.Pins++;
        try
        {
            return Map(space, vma, page, write);
        }
        finally
        {
            page.Pins--;
        }
    }

    private FaultOutcome Map(AddressSpace space, Vma vma, Page page, bool write)
    {
        var isPrivate = !vma.IsShared && !page.KernelOwned;
        var hasLeaf = space.Leaves.TryGetValue(page.Va, out var leaf) && leaf.Page == page;
        if (write && isPrivate && page.Holders > 1)
        {
            if (!TryCopy(space, page, out var copy))
                return Killed();
            page = copy;
            hasLeaf = false;
            Counts.CowCopy++;
        }
        else if (write && hasLeaf && isPrivate && !leaf.Writable)
        {
            Counts.CowReuse++;
        }

        var permissions = vma.Permissions;
        if (isPrivate && page.Holders > 1)
            permissions &= ~PteFlags.W;

        if (hasLeaf)
        {
            editor.Protect(space, page.Va, permissions);
            return FaultOutcome.Resolved;
        }
        page.Pins++;
        try
        {
            return reclaimer.Retry(() => editor.TryInstall(space, page, permissions)).IsOk ? FaultOutcome.Resolved : Killed();
        }
        finally
        {
            page.Pins--;
        }
    }

    /// <summary>The page the VMA has at this address: the space's private page or the region's shared one, made zeroed on first touch.</summary>
    private Page? FindOrCreate(AddressSpace space, Vma vma, ulong pageVa)
    {
        var pages = vma.Region?.Pages ?? space.Private;
        var key = vma.Region is null ? pageVa : vma.RegionFirstPage + (pageVa - vma.Start) / layout.PageSize;
        if (pages.TryGetValue(key, out var page))
        {
            if (page.IsResident && !space.Leaves.ContainsKey(pageVa))
                Counts.Minor++;
            return page;
        }

        if (!reclaimer.TryAllocFrame(out var frame))
            return null;
        page = new Page(pageVa, frame);
        pages.Add(key, page);
        reclaimer.Track(page);
        Counts.Lazy++;
        return page;
    }

    private bool SwapIn(Page page)
    {
        if (!reclaimer.TrySwapIn(page))
            return false;
        Counts.SwapIn++;
        return true;
    }

    /// <summary>Gives the writer its own copy; the others keep the original, one holder fewer.</summary>
    private bool TryCopy(AddressSpace space, Page shared, out Page copy)
    {
        copy = null!;
        if (!reclaimer.TryAllocFrame(out var frame))
            return false;
        reclaimer.Frames.Copy(shared.Frame, frame);
        copy = new Page(shared.Va, frame);
        reclaimer.Track(copy);
        editor.Remove(space, shared.Va);
        space.Private[shared.Va] = copy;
        shared.Holders--;
        return true;
    }

    private FaultOutcome Killed()
    {
        Counts.Kill++;
        return FaultOutcome.Kill;
    }
}
