using VmSpec.Core.Mmu;

namespace VmSpec.Core.Kernel;

/// <summary>
/// Gives a space fresh tables holding its current leaves, or only those <c>keep</c> selects. The
/// paging contract can unmap leaves but never frees a table short of destroying the whole space, so
/// this is how tables are handed back: destroy the space, create it again under the same ASID
/// (flushing what the TLB still holds for it), and map the kept leaves again from the kernel's
/// mirror. A failed sbrk uses it to drop the tables it made; the reclaimer uses it to take back the
/// tables that evicted pages left empty. It needs no more table frames than the destroyed tables
/// held, so it should not run out; each step still goes through the reclaimer's retry, as every
/// table edit of the kernel does, and a failure left after that is a bug it throws on.
/// </summary>
internal sealed class SpaceRebuilder(PageTableEditor editor, PageReclaimer reclaimer)
{
    public void Rebuild(ProcessSpace space, Func<Leaf, bool>? keep = null)
    {
        var mmu = editor.Mmu;
        var leaves = space.Leaves.Values.ToArray();
        foreach (var leaf in leaves)
            leaf.Page.MappedBy.Remove(space);
        space.Leaves.Clear();

        var previous = mmu.CurrentAsid;
        if (previous == space.Asid)
            Check(mmu.SwitchAddressSpace(AsidAllocator.Idle));
        Check(mmu.DestroyAddressSpace(space.Asid));
        mmu.Sfence(null, space.Asid);
        Check(reclaimer.Retry(() => mmu.SwitchAddressSpace(space.Asid)));
        Check(mmu.SwitchAddressSpace(previous));

        foreach (var leaf in leaves)
            if (keep is null || keep(leaf))
                Check(reclaimer.Retry(() => editor.TryInstall(space, leaf.Page, leaf.Flags)));
    }

    private static void Check(EditResult result)
    {
        if (!result.IsOk)
            throw new InvalidOperationException($"Rebuilding an address space failed: {result}.");
    }
}
