using VmSpec.Core.Memory;

namespace VmSpec.Core.Tests.Memory;

/// <summary>
/// The free list exactly as documented, built eagerly: every frame freed in ascending order at
/// boot, so the head is the highest frame; free pushes, allocate pops, a contiguous run is the
/// highest aligned run of free frames, cut out of the list without reordering the rest.
/// </summary>
internal sealed class FreeListModel
{
    private const ulong FrameSize = 4096;
    private readonly LinkedList<ulong> _list = new();
    private readonly HashSet<ulong> _free = [];
    private readonly ulong _base;
    private readonly ulong _end;

    public FreeListModel(ulong @base, ulong size)
    {
        (_base, _end) = (@base, @base + size);
        for (var frame = @base; frame < _end; frame += FrameSize)
            Free(frame);
    }

    public IReadOnlySet<ulong> FreeFrames => _free;

    /// <summary>Each free frame with the next pointer it holds, head first; the last one ends the list.</summary>
    public IEnumerable<(ulong Frame, ulong Next)> Links()
    {
        for (var node = _list.First; node is not null; node = node.Next)
            yield return (node.Value, node.Next?.Value ?? FrameAllocator.EndOfList);
    }

    public ulong? Alloc()
    {
        if (_list.First is not { } head)
            return null;
        _list.RemoveFirst();
        _free.Remove(head.Value);
        return head.Value;
    }

    public void Free(ulong frame)
    {
        _list.AddFirst(frame);
        _free.Add(frame);
    }

    public ulong? AllocContiguous(int count, ulong alignment)
    {
        var run = (ulong)count * FrameSize;
        for (var start = _end - FrameSize; start >= _base; start -= FrameSize)
        {
            var frames = Enumerable.Range(0, count).Select(i => start + (ulong)i * FrameSize).ToArray();
            if (start % alignment != 0 || start + run > _end || !frames.All(_free.Contains))
                continue;
            foreach (var frame in frames)
            {
                _list.Remove(frame);
                _free.Remove(frame);
            }
            return start;
        }
        return null;
    }
}
