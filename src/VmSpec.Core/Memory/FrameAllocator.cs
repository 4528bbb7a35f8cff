namespace VmSpec.Core.Memory;

/// <summary>
/// Hands out 4 KiB frames of RAM. The free list lives in the free frames themselves: each holds the
/// address of the next in its first 8 bytes, in simulated memory, and the allocator keeps only the
/// head (as xv6's kalloc does). Allocation pops, free pushes; a frame is zeroed when handed out.
/// <para>
/// At boot every frame is freed in ascending order, so the highest frame comes out first and each
/// frame points at the one below it. Writing those pointers would back every frame with host
/// memory, so they are laid as the memory's boot words instead (<see cref="PhysicalMemory.LayBootWords"/>):
/// every free frame reads its next pointer all the same, and untouched RAM costs nothing.
/// </para>
/// A bitmap of free frames, beside the list, catches double frees in O(1). It also keeps the list
/// honest: simulated memory is open to every store, so a free frame's link can be overwritten (a
/// raw pointer PTE into a free frame lets an edit write there; a real kernel would call it a
/// use-after-free). A link that does not name a free frame is never followed; the allocator
/// then takes the highest free frame from the bitmap and carries on from its link. So a broken
/// list never hands out a frame in use, never loses a free one, and never throws.
/// </summary>
public sealed class FrameAllocator
{
    /// <summary>The next pointer of the last frame on the list: an address no frame has (0 may be one).</summary>
    public const ulong EndOfList = ulong.MaxValue;

    private const ulong FrameSize = PhysicalMemory.FrameSize;

    private readonly PhysicalMemory _memory;
    private readonly FreeFrameBitmap _free;
    private ulong _head;

    public FrameAllocator(PhysicalMemory memory)
    {
        _memory = memory;
        _free = new FreeFrameBitmap(memory.FrameCount);
        FreeFrames = memory.FrameCount;
        var lowest = memory.Base;
        memory.LayBootWords(frame => frame == lowest ? EndOfList : frame - FrameSize);
        _head = memory.End - FrameSize;
    }

    public long TotalFrames => _memory.FrameCount;

    public long FreeFrames { get; private set; }

    public long UsedFrames => TotalFrames - FreeFrames;

    public bool IsFree(ulong frame) => IsFrame(frame) && _free[Index(frame)];

    /// <summary>Pops the head of the free list; false when RAM is exhausted.</summary>
    public bool TryAlloc(out ulong frame)
    {
        frame = 0;
        if (FreeFrames == 0)
            return false;
        // The head is checked as well as each link: a run cut out of the list may have taken the
        // frame a broken link sent the head to, and a broken list may end before the free frames do.
        frame = IsFree(_head) ? _head : HighestFree();
        _head = LinkOf(frame);
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
        // Every frame of the run is free, so on an intact list: the walk ends when the last is
        // found. A broken link ends it sooner, and a circle of links after as many steps as there
        // are free frames; a run frame left linked is refused by the check on the head later.
        var left = (hi - lo) / FrameSize;
        var steps = FreeFrames;
        ulong previous = EndOfList;
        for (var frame = _head; frame != EndOfList && steps-- > 0;)
        {
            var next = LinkOf(frame);
            if (frame >= lo && frame < hi)
            {
                if (previous == EndOfList)
                    _head = next;
                else
                    _memory.TryWriteUInt64(previous, next);
                if (--left == 0)
                    return;
            }
            else
            {
                previous = frame;
            }
            frame = next;
        }
    }

    /// <summary>
    /// The link a free frame holds if it names a free frame, else the end of the list. A link to
    /// the frame itself passes here and is refused as the head once the frame is taken.
    /// </summary>
    private ulong LinkOf(ulong frame)
    {
        _memory.TryReadUInt64(frame, out var next);
        return IsFree(next) ? next : EndOfList;
    }

    /// <summary>The highest free frame by the bitmap, where a broken list is picked up again; FreeFrames is not 0.</summary>
    private ulong HighestFree() =>
        FindRun(1, FrameSize, out var frame) ? frame : throw new InvalidOperationException("The free count and the bitmap disagree.");

    private bool IsFrame(ulong address) => _memory.Contains(address) && address % FrameSize == 0;

    private long Index(ulong frame) => (long)((frame - _memory.Base) / FrameSize);
}
