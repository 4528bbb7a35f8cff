using VmSpec.Core.Mmu;

namespace VmSpec.Core.Kernel;

/// <summary>
/// Gives a space fresh tables holding exactly its current leaves. The paging contract can unmap
/// leaves but never frees a table short of destroying the whole space, so this is how a failed
/// sbrk hands back the tables it made: destroy the space, create it again under the same ASID
/// (flushing what the TLB still holds for it), and map the leaves again from the kernel's mirror.
/// It needs no more table frames than the destroyed tables held, so it cannot run out.
/// </summary>
internal sealed class SpaceRebuilder(PageTableEditor editor, PageReclaimer reclaimer)
{
    public void Rebuild(AddressSpace space)
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
            Check(reclaimer.Retry(() => editor.TryInstall(space, leaf.Page, leaf.Flags)));
    }

    private static void Check(EditResult result)
    {
        if (!result.IsOk)
            throw new InvalidOperationException($"Rebuilding an address space failed: {result}.");
    }
}
