namespace VmSpec.Core.Segmentation;

/// <summary>
/// The offsets a selector can be paired with: [0, 2^Bits). Bits may be 64, so sizes are kept in
/// <see cref="UInt128"/>, where 2^64 and limit + 1 cannot overflow.
/// </summary>
internal readonly record struct OffsetSpace(int Bits)
{
    /// <summary>Segments must end within the 56-bit physical addresses the paging kinds also use.</summary>
    public static readonly UInt128 PhysicalSize = UInt128.One << 56;

    public UInt128 Size => UInt128.One << Bits;

    public bool Contains(ulong offset) => offset < Size;

    /// <summary>The lowest offset of a down segment of <paramref name="size"/> bytes: 2^Bits − size, or 0 if it fills the space.</summary>
    public UInt128 DownFloor(UInt128 size) => size >= Size ? UInt128.Zero : Size - size;
}
