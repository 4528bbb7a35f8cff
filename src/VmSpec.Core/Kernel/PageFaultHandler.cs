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
/// is found or made (zero-filled on first touch: lazy allocation), copied if it is a private page
/// written while others hold it (COW), else brought back from swap if it was evicted, and mapped with
/// the VMA's permissions, less W while the private page is still shared. A write by the last holder
/// of a COW page copies nothing: the leaf just gets W back.
/// <para>
/// A fault pins only the page it is about to map, and only while it needs frames for it: the
/// original of a COW copy is pinned while its copy's frame is found (so it stays where it is copied
/// from) and is evictable again once copied. A COW page in swap is copied straight from its slot,
/// so the writer's copy is the only frame the data takes; the original stays in swap for the others.
/// </para>
/// </summary>
internal sealed class PageFaultHandler(PageTableEditor editor, PageReclaimer reclaimer, UserLayout layout, Page clockPage)
{
    public FaultCounts Counts { get; } = new();

    public FaultOutcome Handle(ProcessSpace space, ulong va, bool write)
    {
        var vma = space.FindVma(va);
        if (vma is null || !vma.Allows(write))
        {
            Counts.Segv++;
            return FaultOutcome.Segv;
        }

        var pageVa = layout.PageFloor(va);
        var found = false;
        var page = vma.Kind == VmaKind.Clock ? clockPage : FindOrCreate(space, vma, pageVa, out found);
        if (page is null)
            return Killed();

        // Each fault is counted once, by what resolved it (a copy, a swap-in, a page made on first
        // touch, or a leaf for a page already in memory: a minor fault), and only once the leaf is in
        // place: a fault that ends in SIGKILL counts as that alone.
        var isPrivate = !vma.IsShared && !page.KernelOwned;
        var resolution = Resolution.None;
        if (write && isPrivate && page.Holders > 1)
        {
            if (!TryCopy(space, page, out var copy))
                return Killed();
            page = copy;
            resolution = Resolution.CowCopy;
        }
        else if (!page.IsResident)
        {
            if (!reclaimer.TrySwapIn(page))
                return Killed();
            resolution = Resolution.SwapIn;
        }
        else if (!found && vma.Kind != VmaKind.Clock)
        {
            resolution = Resolution.Lazy;
        }
        else if (found && !space.Leaves.ContainsKey(pageVa))
        {
            resolution = Resolution.Minor;
        }

        var outcome = Map(space, vma, page, write, isPrivate);
        if (outcome == FaultOutcome.Resolved)
            Count(resolution);
        return outcome;
    }

    private enum Resolution : byte
    {
        None,
        Lazy,
        Minor,
        CowCopy,
        SwapIn,
    }

    private void Count(Resolution resolution)
    {
        switch (resolution)
        {
            case Resolution.Lazy: Counts.Lazy++; break;
            case Resolution.Minor: Counts.Minor++; break;
            case Resolution.CowCopy: Counts.CowCopy++; break;
            case Resolution.SwapIn: Counts.SwapIn++; break;
        }
    }

    private FaultOutcome Map(ProcessSpace space, Vma vma, Page page, bool write, bool isPrivate)
    {
        var permissions = vma.Permissions;
        if (isPrivate && page.Holders > 1)
            permissions &= ~PteFlags.W;

        if (space.Leaves.TryGetValue(page.Va, out var leaf) && leaf.Page == page)
        {
            if (write && isPrivate && !leaf.Writable)
                Counts.CowReuse++;
            editor.Protect(space, page.Va, permissions);
            return FaultOutcome.Resolved;
        }

        // Pinned while its tables are found, which may evict other pages or take back empty tables.
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

    /// <summary>The page the VMA has at this address (<paramref name="found"/>): the space's private page or the region's shared one, made zeroed on first touch.</summary>
    private Page? FindOrCreate(ProcessSpace space, Vma vma, ulong pageVa, out bool found)
    {
        var pages = vma.Region?.Pages ?? space.Private;
        var key = vma.Region is null ? pageVa : vma.RegionFirstPage + (pageVa - vma.Start) / layout.PageSize;
        found = pages.TryGetValue(key, out var page);
        if (found)
            return page;

        if (!reclaimer.TryAllocFrame(out var frame))
            return null;
        page = new Page(pageVa, frame);
        pages.Add(key, page);
        reclaimer.Track(page);
        return page;
    }

    /// <summary>
    /// Gives the writer its own copy, from the original's frame or, if it is in swap, from its slot;
    /// the others keep the original, one holder fewer.
    /// </summary>
    private bool TryCopy(ProcessSpace space, Page shared, out Page copy)
    {
        copy = null!;
        ulong frame;
        shared.Pins++;
        try
        {
            if (!reclaimer.TryAllocFrame(out frame))
                return false;
            reclaimer.CopyContents(shared, frame);
        }
        finally
        {
            shared.Pins--;
        }

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
