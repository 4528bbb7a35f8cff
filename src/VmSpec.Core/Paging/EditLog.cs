using VmSpec.Core.Memory;

namespace VmSpec.Core.Paging;

/// <summary>
/// The undo log of one table edit: every PTE written (with its old value) and every table frame
/// taken. A refused edit rolls back in reverse order, which also gives the frames back to the
/// allocator in the order that restores its free list exactly, so the edit leaves no trace.
/// </summary>
internal sealed class EditLog(Machine machine, AddressSpace space)
{
    private readonly List<(ulong Address, ulong Old)> _writes = [];
    private readonly List<ulong> _frames = [];

    private PhysicalMemory Memory => machine.Memory;

    public void Write(ulong address, ulong value)
    {
        Memory.TryReadUInt64(address, out var old);
        _writes.Add((address, old));
        Memory.TryWriteUInt64(address, value);
    }

    public bool TryAllocTable(out ulong frame)
    {
        if (!machine.Frames.TryAlloc(out frame))
            return false;
        _frames.Add(frame);
        space.AddTableFrame(frame);
        return true;
    }

    public void Rollback()
    {
        for (var i = _writes.Count - 1; i >= 0; i--)
            Memory.TryWriteUInt64(_writes[i].Address, _writes[i].Old);
        for (var i = _frames.Count - 1; i >= 0; i--)
        {
            space.RemoveTableFrame(_frames[i]);
            machine.Frames.Free(_frames[i]);
        }
        _writes.Clear();
        _frames.Clear();
    }
}
