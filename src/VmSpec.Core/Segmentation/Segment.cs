namespace VmSpec.Core.Segmentation;

/// <summary>What a segment lets an access do.</summary>
[Flags]
public enum SegmentPermissions : byte
{
    None = 0,
    Read = 1,
    Write = 2,
    Execute = 4,
}

/// <summary>
/// One segment: <see cref="Limit"/> is the highest valid offset (inclusive), so its size is
/// Limit + 1. An up segment maps offset o to Base + o. A down segment holds the top Limit + 1
/// offsets of the offset space; its Base is the address just above its highest byte, and offset o
/// maps to Base − (2^offset_bits − o) (OSTEP's convention).
/// </summary>
public readonly record struct Segment(
    ulong Selector,
    ulong Base,
    ulong Limit,
    SegmentPermissions Permissions,
    bool GrowsDown = false)
{
    /// <summary>Limit + 1, which is 2^64 for a segment whose limit is the largest offset, as in a 64-bit flat model.</summary>
    public UInt128 Size => (UInt128)Limit + 1;
}
