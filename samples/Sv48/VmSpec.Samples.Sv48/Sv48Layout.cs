namespace VmSpec.Samples.Sv48;

/// <summary>
/// The shape of an Sv48 virtual address: a 12-bit page offset under four 9-bit VPN fields, VPN[3]
/// indexing the root table. A leaf at level i maps 2^(12 + 9i) bytes: 4 KiB, 2 MiB, 1 GiB, 512 GiB.
/// </summary>
public static class Sv48Layout
{
    public const int Levels = 4;
    public const int RootLevel = Levels - 1;
    public const int PageShift = 12;
    public const int VpnBits = 9;

    /// <summary>48: the bits a table walk consumes; bits 63..48 only repeat bit 47 (see <see cref="Canonical"/>).</summary>
    public const int VaBits = PageShift + Levels * VpnBits;

    public const ulong EntriesPerTable = 1UL << VpnBits;
    public const ulong PageSize = 1UL << PageShift;
    public const ulong MegapageSize = 1UL << (PageShift + VpnBits);
    public const ulong GigapageSize = 1UL << (PageShift + 2 * VpnBits);
    public const ulong TerapageSize = 1UL << (PageShift + 3 * VpnBits);

    /// <summary>log2 of the size a leaf at this level maps: 12, 21, 30, 39.</summary>
    public static int PageShiftAt(int level) => PageShift + VpnBits * level;

    public static ulong PageSizeAt(int level) => 1UL << PageShiftAt(level);

    /// <summary>VPN[<paramref name="level"/>] of va: its index in the level's table, 0 to 511.</summary>
    public static ulong Index(ulong va, int level) => (va >> PageShiftAt(level)) & (EntriesPerTable - 1);
}
