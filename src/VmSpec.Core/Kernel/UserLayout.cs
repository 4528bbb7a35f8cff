using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

/// <summary>
/// Where things go in a process's address space (the format's layout rule): the heap grows up from
/// the break, the clock page is the top page of user space, and mmap places mappings downward
/// below it.
/// </summary>
public sealed class UserLayout
{
    private UserLayout(ulong pageSize, ulong top)
    {
        PageSize = pageSize;
        Top = top;
        ClockAddress = top - pageSize;
    }

    public ulong PageSize { get; }

    /// <summary>One past the highest user address.</summary>
    public ulong Top { get; }

    /// <summary>The clock page: the top page of user space.</summary>
    public ulong ClockAddress { get; }

    /// <summary>
    /// User space is [0, 2^38) on Sv39 (the lower, canonical half) and [0, 2^va-bits) on
    /// single-level. A plug-in kind is taken to be Sv39-like: the lower half of
    /// 2^(page-offset bits + 9 × levels), so sv48 gets 2^47.
    /// </summary>
    public static UserLayout For(IPagingMmu mmu)
    {
        var pageSize = mmu.PageSize;
        var bits = mmu.Kind switch
        {
            MmuKinds.Sv39 => 38,
            MmuKinds.SingleLevel => mmu.Machine.Options.SingleLevel.VaBits,
            _ => Log2(pageSize) + 9 * mmu.Levels - 1,
        };
        var top = bits >= 64 ? ulong.MaxValue & ~(pageSize - 1) : 1UL << bits;
        return new UserLayout(pageSize, top);
    }

    public ulong PageFloor(ulong address) => address & ~(PageSize - 1);

    /// <summary>Rounds up to a page; false when that passes the end of the 64-bit space.</summary>
    public bool TryPageCeil(ulong address, out ulong ceil)
    {
        ceil = PageFloor(address + (PageSize - 1));
        return address <= ulong.MaxValue - (PageSize - 1);
    }

    private static int Log2(ulong value) => 63 - System.Numerics.BitOperations.LeadingZeroCount(value);
}
