using VmSpec.Core.Memory;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Runner.Execution;

/// <summary>
/// A <c>map</c> without <c>pa</c>: each page gets zeroed memory from the frame allocator before it
/// is mapped, one page at a time as xv6's uvmalloc does, so table pages and data pages interleave
/// in the order a kernel would take them. A superpage takes one aligned contiguous run; a page
/// larger than a frame takes an aligned run of frames; pages smaller than a frame share one.
/// </summary>
internal static class FreshMemory
{
    private const ulong FrameSize = PhysicalMemory.FrameSize;

    public static EditResult Map(IPagingMmu mmu, ulong va, ulong size, PteFlags flags)
    {
        var frames = mmu.Machine.Frames;
        if (IsSuperpage(mmu, va, size))
        {
            return frames.TryAllocContiguous((long)(size / FrameSize), size, out var run)
                ? mmu.Map(va, run, size, flags)
                : EditResult.OutOfMemory($"no {size / 1024} KiB aligned run of free frames");
        }

        var page = mmu.PageSize;
        ulong carved = 0, carvedEnd = 0;
        for (var offset = 0UL; offset < size; offset += page)
        {
            ulong pa;
            if (page >= FrameSize)
            {
                if (!frames.TryAllocContiguous((long)(page / FrameSize), page, out pa))
                    return EditResult.OutOfMemory("no free frame for the page");
            }
            else
            {
                if (carved == carvedEnd)
                {
                    if (!frames.TryAlloc(out carved))
                        return EditResult.OutOfMemory("no free frame for the page");
                    carvedEnd = carved + FrameSize;
                }
                pa = carved;
                carved += page;
            }

            var mapped = mmu.Map(va + offset, pa, page, flags);
            if (!mapped.IsOk)
                return mapped;
        }
        return EditResult.Ok;
    }

    /// <summary>
    /// Exactly one aligned page of a level above 0, as the MMU sizes its levels (<see cref="IPagingMmu.PageSizeAt"/>),
    /// which <c>Map</c> makes one leaf. Any other size, 8 KiB on Sv39 for one, is base pages, taken one at a time.
    /// </summary>
    private static bool IsSuperpage(IPagingMmu mmu, ulong va, ulong size)
    {
        if (size <= mmu.PageSize || va % size != 0 || !mmu.Features.Contains(MmuFeatures.Superpages))
            return false;
        for (var level = 1; level < mmu.Levels; level++)
        {
            if (size == mmu.PageSizeAt(level))
                return true;
        }
        return false;
    }
}
