using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

// sbrk: the heap grows eagerly, a frame per page taken from the free list at once (the notes'
// sbrk), and shrinks by freeing the pages wholly above the new break.
public sealed partial class Kernel
{
    /// <summary>
    /// Moves the break by <paramref name="bytes"/> and returns the old one. Growth that cannot be
    /// met in full is out of memory and changes nothing: the pages it took are freed and, if it
    /// made tables, the space's tables are rebuilt without them.
    /// </summary>
    public KernelResult Sbrk(int pid, long bytes)
    {
        if (Runnable(pid, out var process) is { } refused)
            return refused;
        var space = process.Space;
        var oldBreak = space.Break;
        if (bytes == 0)
            return KernelResult.Ok(oldBreak);

        if (bytes < 0)
        {
            var shrink = (ulong)-(bytes + 1) + 1; // -long.MinValue does not fit a long
            if (shrink > oldBreak - space.HeapStart)
                return KernelResult.Invalid($"Shrinking the break 0x{oldBreak:x} by {shrink} passes the heap's start 0x{space.HeapStart:x}.");
            Shrink(space, oldBreak - shrink);
            return KernelResult.Ok(oldBreak);
        }

        var heap = space.HeapVma;
        var ceiling = space.Vmas.Where(vma => vma.Start >= heap.End && vma != heap).Min(vma => vma.Start);
        if ((ulong)bytes > ceiling - oldBreak || HeapEnd(space, oldBreak + (ulong)bytes) > ceiling)
            return KernelResult.OutOfMemory($"A break of 0x{oldBreak:x} + {bytes} runs into the mapping at 0x{ceiling:x}.");
        return TryGrow(space, oldBreak + (ulong)bytes)
            ? KernelResult.Ok(oldBreak)
            : KernelResult.OutOfMemory($"Not enough frames to grow the heap of process {pid} by {bytes} bytes.");
    }

    /// <summary>The end of the heap's pages for a break: every page holding a byte of [start, break).</summary>
    private ulong HeapEnd(ProcessSpace space, ulong programBreak)
    {
        if (programBreak <= space.HeapStart)
            return Layout.PageFloor(space.HeapStart);
        Layout.TryPageCeil(programBreak, out var end); // below the clock page, so it cannot wrap
        return end;
    }

    private bool TryGrow(ProcessSpace space, ulong newBreak)
    {
        var heap = space.HeapVma;
        var first = heap.End;
        var end = HeapEnd(space, newBreak);
        var tablesBefore = _mmu.TableFrames(space.Asid);
        for (var va = first; va < end; va += Layout.PageSize)
        {
            if (!_reclaimer.TryAllocFrame(out var frame))
                return RollBackGrowth(space, first, va, tablesBefore);
            var page = new Page(va, frame);
            space.Private.Add(va, page);
            _reclaimer.Track(page);
            if (!_reclaimer.Retry(() => _editor.TryInstall(space, page, heap.Permissions)).IsOk)
                return RollBackGrowth(space, first, va + Layout.PageSize, tablesBefore);
        }
        heap.End = end;
        space.Break = newBreak;
        return true;
    }

    private bool RollBackGrowth(ProcessSpace space, ulong first, ulong end, long tablesBefore)
    {
        FreeHeapPages(space, first, end);
        if (_mmu.TableFrames(space.Asid) > tablesBefore)
            new SpaceRebuilder(_editor, _reclaimer).Rebuild(space);
        return false;
    }

    private void Shrink(ProcessSpace space, ulong newBreak)
    {
        var heap = space.HeapVma;
        var end = HeapEnd(space, newBreak);
        FreeHeapPages(space, end, heap.End);
        heap.End = end;
        space.Break = newBreak;
    }

    private void FreeHeapPages(ProcessSpace space, ulong first, ulong end)
    {
        for (var va = first; va < end; va += Layout.PageSize)
        {
            _editor.Remove(space, va);
            if (space.Private.Remove(va, out var page))
                _reclaimer.Drop(page);
        }
    }
}
