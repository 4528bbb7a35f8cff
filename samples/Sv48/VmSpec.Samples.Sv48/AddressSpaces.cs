using VmSpec.Core;
using VmSpec.Core.Mmu;
using Tlb = VmSpec.Core.Tlb.Tlb;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// The address spaces by ASID and the one translations use now (what writing satp selects). A new
/// ASID gets an empty root table on first use. ASID 0 is the space a machine starts in.
/// </summary>
internal sealed class AddressSpaces
{
    private readonly Dictionary<ushort, AddressSpace> _spaces = [];
    private readonly Machine _machine;
    private readonly Tlb _tlb;

    public AddressSpaces(Machine machine, Tlb tlb)
    {
        _machine = machine;
        _tlb = tlb;

        // Without a frame for the root the space still exists; its accesses fault and edits say out-of-memory.
        Current = new AddressSpace(0);
        TryCreateRoot(Current);
        _spaces.Add(0, Current);
    }

    public AddressSpace Current { get; private set; }

    public ulong? RootOf(ushort asid) =>
        _spaces.TryGetValue(asid, out var space) && space.HasRoot ? space.Root : null;

    public EditResult Switch(ushort asid)
    {
        if (!_spaces.TryGetValue(asid, out var space))
        {
            space = new AddressSpace(asid);
            if (!TryCreateRoot(space))
                return EditResult.OutOfMemory($"no frame for the root table of ASID {asid}");
            _spaces.Add(asid, space);
        }

        // An untagged TLB cannot tell spaces apart, so changing space must flush it.
        if (space != Current && !_tlb.AsidTagged)
            _tlb.Flush();
        Current = space;
        return EditResult.Ok;
    }

    public EditResult Destroy(ushort asid)
    {
        if (asid == Current.Asid)
            return EditResult.Invalid($"ASID {asid} is the current address space");
        if (!_spaces.Remove(asid, out var space))
            return EditResult.Invalid($"no address space with ASID {asid}");

        // Newest first, the reverse of how they were taken, so the free list reads as if they never left.
        for (var i = space.TableFrames.Count - 1; i >= 0; i--)
            _machine.Frames.Free(space.TableFrames[i]);
        return EditResult.Ok;
    }

    public long TableFrames(ushort asid) =>
        _spaces.TryGetValue(asid, out var space) ? space.TableFrames.Count : 0;

    private bool TryCreateRoot(AddressSpace space)
    {
        if (!_machine.Frames.TryAlloc(out var root))
            return false;
        space.SetRoot(root);
        return true;
    }
}
