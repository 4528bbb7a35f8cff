using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>Address spaces: one root per ASID, created on first use, the current one used by translations.</summary>
public abstract partial class PagingMmu
{
    private readonly Dictionary<ushort, AddressSpace> _spaces = [];
    private AddressSpace _current;

    public ushort CurrentAsid => _current.Asid;

    /// <summary>
    /// Takes the frames of a new space's root (or whole) table, records each with
    /// <see cref="AddressSpace.AddTableFrame"/> and calls <see cref="AddressSpace.SetRoot"/>; false,
    /// with nothing taken, when RAM cannot provide them. By default the root is one frame, as a
    /// radix table of 512 eight-byte entries is.
    /// </summary>
    protected virtual bool TryCreateTables(AddressSpace space)
    {
        if (!Machine.Frames.TryAlloc(out var root))
            return false;
        space.AddTableFrame(root);
        space.SetRoot(root);
        return true;
    }

    /// <summary>
    /// Creates ASID 0, the space a machine starts in. Called by the derived constructor once its
    /// geometry is set. When no table can be had the space exists without one, and every access faults.
    /// </summary>
    protected void StartFirstSpace()
    {
        _pageShifts = [.. Enumerable.Range(0, Levels).Select(PageShiftAt)];
        TryCreateTables(_current);
        _spaces[_current.Asid] = _current;
    }

    /// <summary>The physical address of a space's root table; null when it has none or does not exist.</summary>
    public ulong? RootOf(ushort asid) =>
        _spaces.TryGetValue(asid, out var space) && space.HasTables ? space.Root : null;

    public EditResult SwitchAddressSpace(ushort asid)
    {
        if (!_spaces.TryGetValue(asid, out var space))
        {
            space = new AddressSpace(asid);
            if (!TryCreateTables(space))
                return EditResult.OutOfMemory($"no frames for the tables of ASID {asid}");
            _spaces.Add(asid, space);
        }

        // Without ASID tags the TLB cannot tell spaces apart, so changing space must flush it.
        if (space != _current && !Tlb.AsidTagged)
            Tlb.Flush();
        // Hit-cache lines answer for the space they were filled in.
        if (space != _current)
            _memory.Changes.Bump();
        _current = space;
        return EditResult.Ok;
    }

    public EditResult DestroyAddressSpace(ushort asid)
    {
        if (asid == _current.Asid)
            return EditResult.Invalid($"ASID {asid} is the current address space");
        if (!_spaces.Remove(asid, out var space))
            return EditResult.Invalid($"no address space with ASID {asid}");

        // Newest first, the reverse of how they were taken: the free list is a stack, so the oldest,
        // the root, is the next frame handed out, as it was before the space took its tables.
        for (var i = space.TableFrames.Count - 1; i >= 0; i--)
            Machine.Frames.Free(space.TableFrames[i]);
        return EditResult.Ok;
    }

    public long TableFrames(ushort asid) =>
        _spaces.TryGetValue(asid, out var space) ? space.TableFrames.Count : 0;
}
