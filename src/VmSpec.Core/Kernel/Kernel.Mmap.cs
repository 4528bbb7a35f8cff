using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

// mmap/munmap: anonymous memory, placed top-down below the clock page, allocated on first touch.
public sealed partial class Kernel
{
    /// <summary>
    /// Maps <paramref name="length"/> bytes (rounded up to pages) of zero-filled anonymous memory
    /// and returns its address: the highest gap below the clock page and above the heap that fits.
    /// No frame is taken until a page is touched. W implies R, as PROT_WRITE does on RISC-V Linux.
    /// </summary>
    public KernelResult Mmap(int pid, ulong length, PteFlags permissions, bool shared)
    {
        if (Runnable(pid, out var process) is { } refused)
            return refused;
        if (length == 0 || !Layout.TryPageCeil(length, out var size))
            return KernelResult.Invalid($"Cannot map {length} bytes.");
        if ((permissions & ~PteFlags.Rwx) != 0)
            return KernelResult.Invalid($"Permissions {PteFlagsText.Format(permissions)} are not a subset of rwx.");
        if ((permissions & PteFlags.W) != 0)
            permissions |= PteFlags.R;

        var space = process.Space;
        if (FindGap(space, size) is not { } va)
            return KernelResult.OutOfMemory($"No gap of {size} bytes left between the heap and the clock page.");
        var region = shared ? new SharedRegion { Mappings = 1 } : null;
        space.AddVma(new Vma(VmaKind.Anonymous, va, va + size, permissions, region));
        return KernelResult.Ok(va);
    }

    /// <summary>
    /// Unmaps the pages of [va, va+length) that mmap mapped (pages in the range that nothing maps are
    /// ignored, as in Linux), splitting VMAs; the heap and the clock page cannot be unmapped.
    /// </summary>
    public KernelResult Munmap(int pid, ulong va, ulong length)
    {
        if (Runnable(pid, out var process) is { } refused)
            return refused;
        if (va != Layout.PageFloor(va) || va >= ClockAddress || length == 0 || !Layout.TryPageCeil(length, out var size) || size > ClockAddress - va)
            return KernelResult.Invalid($"Cannot unmap {length} bytes at 0x{va:x}: it must be page-aligned, non-empty and below the clock page.");
        var end = va + size;
        var space = process.Space;
        if (space.Vmas.Any(vma => vma.Kind != VmaKind.Anonymous && vma.Overlaps(va, end) && vma.Start < vma.End))
            return KernelResult.Invalid($"[0x{va:x}, 0x{end:x}) overlaps the heap or the clock page; use sbrk for the heap.");

        // Only mmap's VMAs: an empty heap [break, break) lies inside a range that straddles the break, and must stay.
        foreach (var vma in space.Vmas.Where(vma => vma.Kind == VmaKind.Anonymous && vma.Overlaps(va, end)).ToArray())
            Unmap(space, vma, Math.Max(va, vma.Start), Math.Min(end, vma.End));
        return KernelResult.Ok();
    }

    private ulong? FindGap(ProcessSpace space, ulong size)
    {
        // Walk the VMAs from the top; the heap is always one of them, so nothing goes below it.
        var ceiling = ClockAddress;
        for (var i = space.Vmas.Count - 1; i >= 0; i--)
        {
            var vma = space.Vmas[i];
            if (vma.Kind == VmaKind.Clock)
                continue;
            if (ceiling - vma.End >= size)
                return ceiling - size;
            ceiling = vma.Start;
        }
        return null;
    }

    private void Unmap(ProcessSpace space, Vma vma, ulong start, ulong end)
    {
        for (var va = start; va < end; va += Layout.PageSize)
        {
            _editor.Remove(space, va);
            if (!vma.IsShared && space.Private.Remove(va, out var page))
                _reclaimer.Drop(page);
        }

        space.Vmas.Remove(vma);
        var kept = 0;
        foreach (var (from, to) in new[] { (vma.Start, start), (end, vma.End) })
        {
            if (from >= to)
                continue;
            space.AddVma(vma.Slice(from, to, Layout.PageSize));
            kept++;
        }
        if (vma.Region is { } region)
            region.Mappings += kept;
        _reclaimer.Unshare(vma); // the VMA itself goes, so its region loses one mapping
    }
}
