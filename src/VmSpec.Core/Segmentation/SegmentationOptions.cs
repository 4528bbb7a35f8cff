namespace VmSpec.Core.Segmentation;

/// <summary>How a plain address names a segment.</summary>
public enum SegmentAddressing : byte
{
    /// <summary>Addresses are <c>SEL:OFFSET</c>; the selector travels apart from the offset.</summary>
    Explicit,

    /// <summary>The top bits of the address pick the segment, the rest is the offset (OSTEP's convention).</summary>
    TopBits,
}

/// <summary>The scenario format's <c>segmentation</c> section.</summary>
public sealed record SegmentationOptions(
    SegmentAddressing Mode = SegmentAddressing.Explicit,
    int AddressBits = 32,
    int SelectorBits = 2,
    int OffsetBits = 32)
{
    /// <summary>Width of an offset: the whole of it in explicit mode, what the selector leaves otherwise.</summary>
    public int EffectiveOffsetBits => Mode == SegmentAddressing.Explicit ? OffsetBits : AddressBits - SelectorBits;
}
