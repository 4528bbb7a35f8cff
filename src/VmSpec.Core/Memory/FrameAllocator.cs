namespace VmSpec.Core.Memory;

/// <summary>
/// Hands out 4 KiB frames of RAM. The free list lives in the free frames themselves: each holds the
/// address of the next in its first 8 bytes, in simulated memory, and the allocator keeps only the
/// head (as xv6's kalloc does). Allocation pops, free pushes; a frame is zeroed when handed out.
/// <para>
/// The list is defined as if every frame had been freed in ascending order at boot, so the highest
/// frame comes out first. Writing a next pointer into every frame at boot would back every frame
/// with host memory, so the frames never yet handed out are kept as an implicit, descending range
/// below the explicit list: the explicit list ends with <see cref="EndOfList"/>, and the range
/// [Base, untouchedTop) follows it. The order of hand-outs is the same as the eager list's.
/// </para>
/// A bitmap of free frames, beside the list, catches double frees in O(1).
/// </summary>
public sealed class FrameAllocator
{
    /// <summary>The next pointer of the last frame on the explicit list: an address no frame has.</summary>
    public const ulong EndOfList = ulong.MaxValue;

    private const ulong FrameSize = PhysicalMemory.FrameSize;

    private readonly PhysicalMemory _memory;
    private readonly FreeFrameBitmap _free;
    private ulong _head = EndOfList;
    private ulong _untouchedTop;

    public FrameAllocator(PhysicalMemory memory)
    {
        _memory = memory;
        _untouchedTop = memory.End;
        _free = new FreeFrameBitmap(memory.FrameCount);
        FreeFrames = memory.FrameCount;
    }

    public long TotalFrames => _memory.FrameCount;

    public long FreeFrames { get; private set; }

    public long UsedFrames => TotalFrames - FreeFrames;

    public bool IsFree(ulong frame) => IsFrame(frame) && _free[Index(frame)];

    /// <summary>Pops the head of the free list; false when RAM is exhausted.</summary>
    public bool TryAlloc(out ulong frame)
    {
        if (_head != EndOfList)
        {
            frame = _head;
            _memory.TryReadUInt64(frame, out _head);
        }
        else if (_untouchedTop > _memory.Base)
        {
            _untouchedTop -= FrameSize;
            frame = _untouchedTop;
        }
        else
        {
            frame = 0;
            return false;
        }

        TakeOne(frame);
        return true;
    }

    /// <summary>
    /// Takes <paramref name="count"/> physically contiguous free frames whose first address is a
    /// multiple of <paramref name="alignment"/>, the highest such run first. A single-level page
    /// table and a superpage need this; a real kernel would use a buddy allocator for it, here the
    /// bitmap is scanned from the top of RAM.
    /// </summary>
    public bool TryAllocContiguous(long count, ulong alignment, out ulong first)
    {
        first = 0;
        if (count <= 0 || count > FreeFrames || alignment == 0 || (alignment & (alignment - 1)) != 0)
            return false;

        if (!FindRun(count, Math.Max(alignment, FrameSize), out var lo))
            return false;
        var hi = lo + (ulong)count * FrameSize;

        UnlinkFromList(lo, hi);
        if (lo < _untouchedTop)
        {
            // The untouched frames above the run stay free: they join the explicit list at its
            // tail, highest first, which is exactly where the eager list had them.
            for (var frame = _untouchedTop; frame > hi;)
            {
                frame -= FrameSize;
                AppendToList(frame);
            }
            _untouchedTop = lo;
        }

        for (var frame = lo; frame < hi; frame += FrameSize)
            TakeOne(frame);
        first = lo;
        return true;
    }

    /// <summary>Pushes a frame back on the free list. Freeing a free frame, or no frame of RAM, is a bug of the caller.</summary>
    public void Free(ulong frame)
    {
        if (!IsFrame(frame))
            throw new FrameAllocatorException($"0x{frame:x} is not a frame of RAM [0x{_memory.Base:x}, 0x{_memory.End:x}).");
        if (_free[Index(frame)])
            throw new FrameAllocatorException($"Double free of frame 0x{frame:x}.");

        _memory.TryWriteUInt64(frame, _head);
        _head = frame;
        _free[Index(frame)] = true;
        FreeFrames++;
    }

    public void FreeContiguous(ulong first, long count)
    {
        for (var i = 0L; i < count; i++)
            Free(first + (ulong)i * FrameSize);
    }

    private void TakeOne(ulong frame)
    {
        _free[Index(frame)] = false;
        _memory.ZeroFrame(frame);
        FreeFrames--;
    }

    private bool FindRun(long count, ulong alignment, out ulong lo)
    {
        // Walk down from the top of RAM keeping the top of the current free run; the first aligned
        // start that fits inside a run is the highest one.
        var runTop = _memory.End;
        for (var frame = _memory.End; frame > _memory.Base;)
        {
            frame -= FrameSize;
            if (!_free[Index(frame)])
            {
                runTop = frame;
                continue;
            }

            var needed = (ulong)count * FrameSize;
            if (runTop - frame < needed)
                continue;
            var start = (runTop - needed) & ~(alignment - 1);
            if (start >= frame)
            {
                lo = start;
                return true;
            }
        }
        lo = 0;
        return false;
    }

    private void UnlinkFromList(ulong lo, ulong hi)
    {
        ulong previous = EndOfList;
        for (var frame = _head; frame != EndOfList;)
        {
            _memory.TryReadUInt64(frame, out var next);
            if (frame >= lo && frame < hi)
            {
                if (previous == EndOfList)
                    _head = next;
                else
                    _memory.TryWriteUInt64(previous, next);
            }
            else
            {
                previous = frame;
            }
            frame = next;
        }
    }

    private void AppendToList(ulong frame)
    {
        _memory.TryWriteUInt64(frame, EndOfList);
        if (_head == EndOfList)
        {
            _head = frame;
            return;
        }

        var tail = _head;
        while (_memory.TryReadUInt64(tail, out var next) && next != EndOfList)
            tail = next;
        _memory.TryWriteUInt64(tail, frame);
    }

    private bool IsFrame(ulong address) => _memory.Contains(address) && address % FrameSize == 0;

    private long Index(ulong frame) => (long)((frame - _memory.Base) / FrameSize);
}
