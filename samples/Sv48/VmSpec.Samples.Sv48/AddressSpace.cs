namespace VmSpec.Samples.Sv48;

/// <summary>
/// One address space: its ASID, its root table (what satp would hold) and every frame it took from
/// the allocator for its tables. Only those frames are freed with it, so a raw PTE pointing at
/// another space's table can never get that table freed twice.
/// </summary>
internal sealed class AddressSpace(ushort asid)
{
    private readonly List<ulong> _tableFrames = [];

    public ushort Asid { get; } = asid;

    /// <summary>Physical address of the level-3 table.</summary>
    public ulong Root { get; private set; }

    /// <summary>False when no frame could be had for the root: every access then faults (invalid).</summary>
    public bool HasRoot { get; private set; }

    /// <summary>Table frames in the order they were taken.</summary>
    public IReadOnlyList<ulong> TableFrames => _tableFrames;

    public void SetRoot(ulong root)
    {
        Root = root;
        HasRoot = true;
        _tableFrames.Add(root);
    }

    public void AddTableFrame(ulong frame) => _tableFrames.Add(frame);

    public void RemoveTableFrame(ulong frame) => _tableFrames.Remove(frame);
}
