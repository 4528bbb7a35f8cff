using VmSpec.Core.Mmu;

namespace VmSpec.Core.Segmentation;

/// <summary>The flags byte of a descriptor, kept in bits 63..56 of its first word.</summary>
[Flags]
internal enum DescriptorFlags : byte
{
    None = 0,
    Valid = 1 << 0,
    Read = 1 << 1,
    Write = 1 << 2,
    Execute = 1 << 3,
    GrowsDown = 1 << 4,
}

/// <summary>
/// One entry of the segment table as it lies in RAM: 16 bytes, two little-endian words.
/// Word 0 holds the flags in bits 63..56 and the physical address of the segment's lowest byte in
/// bits 55..0; word 1 holds the limit. Storing the lowest byte for both directions (rather than
/// OSTEP's base, which for a down segment is one past its highest byte and may be 2^56) keeps every
/// start inside 56 bits; the base is recovered as start + size.
/// </summary>
internal readonly record struct SegmentDescriptor(ulong Start, ulong Limit, DescriptorFlags Flags)
{
    public const int Bytes = 16;
    private const int FlagsShift = 56;
    private const ulong StartMask = (1UL << FlagsShift) - 1;

    public ulong Word0 => ((ulong)Flags << FlagsShift) | Start;

    public bool IsValid => Flags.HasFlag(DescriptorFlags.Valid);

    public bool GrowsDown => Flags.HasFlag(DescriptorFlags.GrowsDown);

    public UInt128 Size => (UInt128)Limit + 1;

    /// <summary>OSTEP's base: the lowest byte of an up segment, one past the highest of a down one.</summary>
    public UInt128 Base => GrowsDown ? Start + Size : Start;

    public SegmentPermissions Permissions => (SegmentPermissions)(((int)Flags >> 1) & 7);

    public static SegmentDescriptor FromWords(ulong word0, ulong limit) =>
        new(word0 & StartMask, limit, (DescriptorFlags)(word0 >> FlagsShift));

    /// <summary>The descriptor of a segment already checked by <see cref="SegmentRules"/>.</summary>
    public static SegmentDescriptor Of(in Segment segment)
    {
        var flags = DescriptorFlags.Valid | (DescriptorFlags)((int)segment.Permissions << 1);
        if (!segment.GrowsDown)
            return new(segment.Base, segment.Limit, flags);
        return new((ulong)(segment.Base - ((UInt128)segment.Limit + 1)), segment.Limit, flags | DescriptorFlags.GrowsDown);
    }

    public bool Allows(AccessType type) => type switch
    {
        AccessType.Read => Flags.HasFlag(DescriptorFlags.Read),
        AccessType.Write => Flags.HasFlag(DescriptorFlags.Write),
        _ => Flags.HasFlag(DescriptorFlags.Execute),
    };

    /// <summary>
    /// The limit check and the address arithmetic. Up: offset ≤ limit, pa = base + offset. Down:
    /// offset ≥ 2^bits − size, pa = base − (2^bits − offset), OSTEP's convention. A descriptor
    /// written straight into RAM may reach past 2^56 (or below 0, which wraps in UInt128); such an
    /// address is refused as beyond the limit too, so nothing overflows.
    /// </summary>
    public bool TryTranslate(ulong offset, OffsetSpace space, out ulong pa)
    {
        pa = 0;
        UInt128 address;
        if (GrowsDown)
        {
            if (offset < space.DownFloor(Size))
                return false;
            address = Base - (space.Size - offset);
        }
        else
        {
            if (offset > Limit)
                return false;
            address = (UInt128)Start + offset;
        }

        if (address >= OffsetSpace.PhysicalSize)
            return false;
        pa = (ulong)address;
        return true;
    }
}
