namespace VmSpec.Core.Kernel;

/// <summary>
/// The backing store evicted pages go to: host memory standing in for a swap partition of
/// <c>SwapBytes</c>, cut into slots of one page each (a page smaller than a frame still takes a
/// frame's worth, as its frame did). Freed slots are reused lowest first.
/// </summary>
internal sealed class SwapStore
{
    private readonly Dictionary<int, byte[]> _slots = [];
    private readonly SortedSet<int> _freed = [];
    private int _nextUnused;

    public SwapStore(ulong swapBytes, int slotBytes) =>
        Capacity = (int)Math.Min(int.MaxValue, swapBytes / (ulong)slotBytes);

    public int Capacity { get; }

    public int Used => _slots.Count;

    public bool IsFull => Used >= Capacity;

    public bool TryStore(byte[] contents, out int slot)
    {
        slot = Page.NoSlot;
        if (IsFull)
            return false;
        if (_freed.Count > 0)
        {
            slot = _freed.Min;
            _freed.Remove(slot);
        }
        else
        {
            slot = _nextUnused++;
        }
        _slots[slot] = contents;
        return true;
    }

    public byte[] Read(int slot) => _slots[slot];

    public void Free(int slot)
    {
        if (!_slots.Remove(slot))
            throw new InvalidOperationException($"Swap slot {slot} freed twice.");
        _freed.Add(slot);
    }
}
