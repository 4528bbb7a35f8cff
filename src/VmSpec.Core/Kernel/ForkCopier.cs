using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

/// <summary>
/// Fills a forked child's empty space from its parent's. VMAs are copied (a shared one keeps its
/// region, which gains a mapping). Private pages are shared copy-on-write: the child holds the
/// parent's pages, every private leaf becomes read-only in both (the VMA still says W, which is how
/// a later write fault knows to copy), and the parent's changed leaves are flushed from the TLB.
/// With <see cref="ForkStrategy.EagerCopy"/> the child gets its own copy of every private page
/// instead. Shared pages and the clock page get the same leaf in the child as in the parent.
/// </summary>
internal sealed class ForkCopier(PageTableEditor editor, PageReclaimer reclaimer, PageFrames frames, ForkStrategy strategy)
{
    /// <summary>False when frames ran out; the caller tears the child down, which undoes everything here.</summary>
    public bool TryCopy(ProcessSpace parent, ProcessSpace child)
    {
        foreach (var vma in parent.Vmas)
        {
            child.AddVma(vma.Slice(vma.Start, vma.End, editor.Mmu.PageSize));
            if (vma.Region is { } region)
                region.Mappings++;
        }

        return strategy == ForkStrategy.CopyOnWrite ? TryShare(parent, child) : TryCopyEagerly(parent, child);
    }

    private bool TryShare(ProcessSpace parent, ProcessSpace child)
    {
        foreach (var (va, page) in parent.Private)
        {
            child.Private.Add(va, page);
            page.Holders++;
        }

        foreach (var va in parent.Leaves.Keys.ToArray())
        {
            // Making room for the child's tables may have evicted a page further on in the list.
            if (!parent.Leaves.TryGetValue(va, out var leaf))
                continue;
            var permissions = leaf.Flags & PteFlags.Rwx;
            if (parent.Private.ContainsKey(va) && leaf.Writable)
            {
                permissions &= ~PteFlags.W;
                editor.Protect(parent, va, permissions);
            }
            if (!TryInstallPinned(child, leaf.Page, permissions))
                return false;
        }
        return true;
    }

    private bool TryCopyEagerly(ProcessSpace parent, ProcessSpace child)
    {
        foreach (var (va, page) in parent.Private.ToArray())
        {
            if (!TryDuplicate(page, out var copy))
                return false;
            child.Private.Add(va, copy);
            var vma = child.FindVma(va)!;
            if (!TryInstallPinned(child, copy, vma.Permissions))
                return false;
        }

        foreach (var leaf in parent.Leaves.Values.ToArray())
            if (!parent.Private.ContainsKey(leaf.Page.Va) && !TryInstallPinned(child, leaf.Page, leaf.Flags & PteFlags.Rwx))
                return false;
        return true;
    }

    private bool TryDuplicate(Page page, out Page copy)
    {
        copy = null!;
        if (!page.IsResident)
        {
            if (!reclaimer.TryDuplicateSlot(page, out var slot))
                return false;
            copy = new Page(page.Va, 0) { SwapSlot = slot };
            return true;
        }

        page.Pins++;
        try
        {
            if (!reclaimer.TryAllocFrame(out var frame))
                return false;
            frames.Copy(page.Frame, frame);
            copy = new Page(page.Va, frame);
            reclaimer.Track(copy);
            return true;
        }
        finally
        {
            page.Pins--;
        }
    }

    // The page stays in its frame while the child's tables grow for it, even if that evicts others.
    private bool TryInstallPinned(ProcessSpace child, Page page, PteFlags permissions)
    {
        page.Pins++;
        try
        {
            return reclaimer.Retry(() => editor.TryInstall(child, page, permissions)).IsOk;
        }
        finally
        {
            page.Pins--;
        }
    }
}
