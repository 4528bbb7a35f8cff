namespace VmSpec.Core.Paging;

/// <summary>
/// One address space of a paging MMU: its ASID, the root of its tables (what satp would hold) and
/// every frame it took from the allocator as a table. Only those frames are ever freed for it, so a
/// raw PTE pointing at someone else's frame can never get that frame freed.
/// </summary>
internal sealed class AddressSpace(ushort asid)
{
    private readonly List<ulong> _tableFrames = [];

    public ushort Asid { get; } = asid;

    /// <summary>Physical address of the root table (Sv39) or of the single table.</summary>
    public ulong Root { get; private set; }

    /// <summary>False when no frame could be had for the root: every access then faults.</summary>
    public bool HasTables { get; private set; }

    /// <summary>Table frames in allocation order.</summary>
    public IReadOnlyList<ulong> TableFrames => _tableFrames;

    public void SetRoot(ulong root)
    {
        Root = root;
        HasTables = true;
    }

    public void AddTableFrame(ulong frame) => _tableFrames.Add(frame);

    public void RemoveTableFrame(ulong frame) => _tableFrames.Remove(frame);
}
