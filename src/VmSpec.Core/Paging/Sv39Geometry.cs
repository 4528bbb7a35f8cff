namespace VmSpec.Core.Paging;

/// <summary>
/// The shape of an Sv39 address: a 12-bit page offset and three 9-bit VPN fields, the root's
/// (level 2) highest; bits 63..39 must copy bit 38.
/// </summary>
public static class Sv39Geometry
{
    public const int Levels = 3;
    public const int PageShift = 12;
    public const int VpnBits = 9;
    public const int VaBits = 39;
    public const ulong EntriesPerTable = 1UL << VpnBits;

    public const ulong PageSize = 1UL << PageShift;
    public const ulong MegapageSize = 1UL << (PageShift + VpnBits);
    public const ulong GigapageSize = 1UL << (PageShift + 2 * VpnBits);

    /// <summary>log2 of the size a leaf at this level maps: 12, 21, 30.</summary>
    public static int PageShiftAt(int level) => PageShift + VpnBits * level;

    /// <summary>VPN[level] of va: its index in the table of that level.</summary>
    public static ulong Index(ulong va, int level) => (va >> PageShiftAt(level)) & (EntriesPerTable - 1);

    public static bool IsCanonical(ulong va) => SignExtend(va) == va;

    /// <summary>Copies bit 38 into bits 63..39: the canonical form of a 39-bit address.</summary>
    public static ulong SignExtend(ulong va) => AddressRule.Canonical(VaBits).Extend(va);
}
