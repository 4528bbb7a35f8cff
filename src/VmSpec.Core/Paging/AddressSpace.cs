namespace VmSpec.Core.Paging;

/// <summary>
/// One address space of a paging MMU: its ASID, the root of its tables (what satp would hold) and
/// every frame it took from the allocator as a table. Only those frames are ever freed for it, so a
/// raw PTE pointing at someone else's frame can never get that frame freed.
/// <para>
/// Public because <see cref="PagingMmu"/>'s table-format hooks take one, so a format in another
/// assembly can walk from <see cref="Root"/>. Only <see cref="PagingMmu"/> creates spaces and hands
/// them only to those protected hooks, so what a format may change here it can change only for the
/// MMU it is.
/// </para>
/// </summary>
public sealed class AddressSpace
{
    private readonly List<ulong> _tableFrames = [];

    internal AddressSpace(ushort asid) => Asid = asid;

    public ushort Asid { get; }

    /// <summary>Physical address of the root table (Sv39) or of the single table.</summary>
    public ulong Root { get; private set; }

    /// <summary>False when no frame could be had for the root: every access then faults.</summary>
    public bool HasTables { get; private set; }

    /// <summary>Table frames in allocation order.</summary>
    internal IReadOnlyList<ulong> TableFrames => _tableFrames;

    /// <summary>
    /// Gives the space its tables, rooted at <paramref name="root"/>. Public for a format whose
    /// <see cref="PagingMmu.TryCreateTables"/> takes its root otherwise than the default single frame.
    /// </summary>
    public void SetRoot(ulong root)
    {
        Root = root;
        HasTables = true;
    }

    /// <summary>
    /// Records a frame taken from the allocator as one of the space's tables, so that destroying
    /// the space frees it. Public for the same reason as <see cref="SetRoot"/>; frames a map takes
    /// for the tables below the root are recorded by the core itself.
    /// </summary>
    public void AddTableFrame(ulong frame) => _tableFrames.Add(frame);

    internal void RemoveTableFrame(ulong frame) => _tableFrames.Remove(frame);
}
