namespace VmSpec.Core.Kernel;

// A recount of where every frame and swap slot is, from the processes down, for the scenario runner
// and the tests to check after every step: a frame lost or leaked shows at the step that lost it,
// not at the final exit.
public sealed partial class Kernel
{
    /// <summary>
    /// Null when the books balance: used frames are exactly the kernel's, the live spaces' tables and
    /// the resident pages' frames; swap holds exactly the swapped pages; the eviction ring holds
    /// exactly the resident pages; a private page's holders are the spaces that hold it; and every
    /// leaf in the mirror is in its page's reverse map and the other way round. Else what disagrees.
    /// </summary>
    public string? AccountingMismatch()
    {
        var spaces = _processes.Values.Select(p => p.Space).Distinct().ToList();
        var holders = new Dictionary<Page, int>();
        var regionPages = new HashSet<Page>();
        foreach (var space in spaces)
        {
            foreach (var page in space.Private.Values)
                holders[page] = holders.GetValueOrDefault(page) + 1;
            foreach (var vma in space.Vmas)
                if (vma.Region is { } region)
                    regionPages.UnionWith(region.Pages.Values);
        }
        var pages = holders.Keys.Concat(regionPages).ToList();

        var resident = pages.Count(page => page.IsResident);
        var tables = spaces.Sum(space => _mmu.TableFrames(space.Asid));
        var expectedUsed = KernelFrames + tables + resident * _frames.PerPage;
        var used = _mmu.Machine.Frames.UsedFrames;
        if (used != expectedUsed)
            return $"{used} frames used, but the kernel holds {KernelFrames}, tables {tables} and {resident} resident pages {resident * _frames.PerPage}.";
        if (_reclaimer.Swap.Used != pages.Count - resident)
            return $"{_reclaimer.Swap.Used} swap slots used for {pages.Count - resident} swapped pages.";
        if (_reclaimer.Resident.Count != resident || pages.Any(page => page.IsResident != page.RingNode is not null))
            return $"The eviction ring holds {_reclaimer.Resident.Count} pages, not the {resident} resident ones.";
        if (holders.FirstOrDefault(pair => pair.Key.Holders != pair.Value) is { Key: { } miscounted } wrong)
            return $"The private page at 0x{miscounted.Va:x} counts {miscounted.Holders} holders; {wrong.Value} spaces hold it.";
        if (regionPages.FirstOrDefault(page => page.Holders != 1) is { } shared)
            return $"The shared page at 0x{shared.Va:x} counts {shared.Holders} holders.";
        foreach (var space in spaces)
            foreach (var leaf in space.Leaves.Values)
                if (!leaf.Page.MappedBy.Contains(space) || (!leaf.Page.KernelOwned && !leaf.Page.IsResident))
                    return $"ASID {space.Asid} maps 0x{leaf.Page.Va:x}, which is not resident or does not know it.";
        if (pages.FirstOrDefault(page => page.MappedBy.Any(space => !space.Leaves.TryGetValue(page.Va, out var leaf) || leaf.Page != page)) is { } stale)
            return $"The page at 0x{stale.Va:x} lists a space that has no leaf for it.";
        return null;
    }
}
