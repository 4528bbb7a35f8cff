namespace VmSpec.Core.Paging;

/// <summary>
/// A page-table entry in the Sv39 layout, shared by the single-level table:
/// flags in bits 0..7, RSW in 8..9 (ignored), PPN in 10..53, bits 54..63 reserved
/// (no Svnapot, no Svpbmt here, so N and PBMT count as reserved too).
/// </summary>
public readonly record struct Pte(ulong Raw)
{
    public const int Size = 8;
    public const int PpnShift = 10;
    public const int PpnBits = 44;
    public const ulong PpnMask = (1UL << PpnBits) - 1;
    public const int ReservedShift = 54;

    public PteFlags Flags => (PteFlags)(Raw & 0xFF);

    public bool V => (Raw & (ulong)PteFlags.V) != 0;

    public bool R => (Raw & (ulong)PteFlags.R) != 0;

    public bool W => (Raw & (ulong)PteFlags.W) != 0;

    public bool X => (Raw & (ulong)PteFlags.X) != 0;

    public bool U => (Raw & (ulong)PteFlags.U) != 0;

    public bool G => (Raw & (ulong)PteFlags.G) != 0;

    public bool A => (Raw & (ulong)PteFlags.A) != 0;

    public bool D => (Raw & (ulong)PteFlags.D) != 0;

    public ulong Ppn => (Raw >> PpnShift) & PpnMask;

    /// <summary>Bits 63..54, which must be zero.</summary>
    public ulong ReservedBits => Raw >> ReservedShift;

    /// <summary>R or X set: the walk stops here (whether or not the entry is well formed).</summary>
    public bool IsLeaf => (Raw & (ulong)(PteFlags.R | PteFlags.X)) != 0;

    /// <summary>W without R is a reserved encoding.</summary>
    public bool IsWriteWithoutRead => (Raw & (ulong)(PteFlags.R | PteFlags.W)) == (ulong)PteFlags.W;

    public static Pte Leaf(ulong ppn, PteFlags flags) =>
        new(((ppn & PpnMask) << PpnShift) | (ulong)(flags | PteFlags.V));

    /// <summary>A pointer to the next-level table: V alone, as the spec requires of a non-leaf.</summary>
    public static Pte Pointer(ulong ppn) => new(((ppn & PpnMask) << PpnShift) | (ulong)PteFlags.V);

    public Pte With(PteFlags set) => new(Raw | (ulong)set);

    public Pte WithPermissions(PteFlags permissions) =>
        new((Raw & ~(ulong)PteFlags.Permissions) | (ulong)(permissions & PteFlags.Permissions));

    public override string ToString() => $"0x{Raw:x16} ppn 0x{Ppn:x} {PteFlagsText.Format(Flags)}";
}
