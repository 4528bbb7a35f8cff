using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

/// <summary>
/// Writes the leaves of any address space, keeping <see cref="ProcessSpace.Leaves"/> and
/// <see cref="Page.MappedBy"/> in step with the tables. The MMU edits only its current space, so
/// an edit of another switches to it and back (on a TLB without ASIDs that flushes, which costs
/// misses but is never wrong). Every change to a leaf that may be cached is followed by an sfence
/// of that page in that ASID; a new leaf needs none, as only valid translations are cached.
/// </summary>
internal sealed class PageTableEditor(IPagingMmu mmu)
{
    /// <summary>Leaves the kernel writes are accessed and dirty up front, so Svade never faults on them.</summary>
    public const PteFlags Bookkeeping = PteFlags.U | PteFlags.A | PteFlags.D;

    public IPagingMmu Mmu { get; } = mmu;

    public SpaceScope Enter(ushort asid) => new(Mmu, asid);

    /// <summary>
    /// Maps the page at its address in the space; may need table frames and so fail out of memory.
    /// A page evicted meanwhile (by the eviction a retry made room with) gets no leaf: a swapped page
    /// has none, and the next touch faults it back in.
    /// </summary>
    public EditResult TryInstall(ProcessSpace space, Page page, PteFlags permissions)
    {
        if (!page.IsResident)
            return EditResult.Ok;
        var flags = (permissions & PteFlags.Rwx) | Bookkeeping;
        if (space.Leaves.ContainsKey(page.Va))
            Remove(space, page.Va);
        using (Enter(space.Asid))
        {
            var result = Mmu.Map(page.Va, page.Frame, Mmu.PageSize, flags);
            if (!result.IsOk)
                return result;
        }
        space.Leaves[page.Va] = new Leaf(page, flags);
        page.MappedBy.Add(space);
        return EditResult.Ok;
    }

    /// <summary>Clears the leaf for va, if the space has one; tables stay.</summary>
    public void Remove(ProcessSpace space, ulong va)
    {
        if (!space.Leaves.Remove(va, out var leaf))
            return;
        leaf.Page.MappedBy.Remove(space);
        using (Enter(space.Asid))
            Check(Mmu.Unmap(va, Mmu.PageSize));
        Mmu.Sfence(va, space.Asid);
    }

    /// <summary>Changes the permissions of an existing leaf (COW takes W away, or gives it back).</summary>
    public void Protect(ProcessSpace space, ulong va, PteFlags permissions)
    {
        var leaf = space.Leaves[va];
        var flags = (permissions & PteFlags.Rwx) | Bookkeeping;
        using (Enter(space.Asid))
            Check(Mmu.Protect(va, Mmu.PageSize, flags & PteFlags.Permissions));
        space.Leaves[va] = leaf with { Flags = flags };
        Mmu.Sfence(va, space.Asid);
    }

    // Unmap and Protect of a leaf the kernel wrote need no frame and cannot be refused; if one
    // is, the tables and the kernel's mirror disagree, which is a bug here.
    private static void Check(EditResult result)
    {
        if (!result.IsOk)
            throw new InvalidOperationException($"The MMU refused an edit of a leaf the kernel made: {result}.");
    }
}
