using VmSpec.Core.Paging;

namespace VmSpec.Core.Tlb;

/// <summary>
/// A cached leaf: the virtual page (<see cref="Vpn"/> = va &gt;&gt; <see cref="PageShift"/>, so a
/// superpage is one entry), the ASID it was walked under, the G bit, where the page starts in
/// physical memory, the leaf's flags as they were when walked, and the level the leaf sat at.
/// </summary>
public readonly record struct TlbEntry(
    ulong Vpn,
    int PageShift,
    ushort Asid,
    bool Global,
    ulong PhysicalBase,
    PteFlags Flags,
    int Level)
{
    public ulong PageSize => 1UL << PageShift;

    public bool Contains(ulong va) => va >> PageShift == Vpn;

    public ulong Translate(ulong va) => PhysicalBase | (va & (PageSize - 1));
}
