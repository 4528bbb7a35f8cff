using VmSpec.Core;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// The undo log of one table edit: every PTE written, with its old value, and every table frame
/// taken. A refused edit is rolled back in reverse order, which also hands the frames back in the
/// order that restores the allocator's free list exactly: an edit either completes or leaves no trace.
/// </summary>
internal sealed class EditLog(Machine machine, AddressSpace space)
{
    private readonly List<(ulong Address, ulong Old)> _writes = [];
    private readonly List<ulong> _frames = [];

    public void Write(ulong address, ulong value)
    {
        machine.Memory.TryReadUInt64(address, out var old);
        _writes.Add((address, old));
        machine.Memory.TryWriteUInt64(address, value);
    }

    /// <summary>Takes a zeroed frame for a new table (the allocator zeroes what it hands out).</summary>
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
            machine.Memory.TryWriteUInt64(_writes[i].Address, _writes[i].Old);
        for (var i = _frames.Count - 1; i >= 0; i--)
        {
            space.RemoveTableFrame(_frames[i]);
            machine.Frames.Free(_frames[i]);
        }
        _writes.Clear();
        _frames.Clear();
    }
}
