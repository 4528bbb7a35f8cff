using VmSpec.Core.Mmu;

namespace VmSpec.Core.Segmentation;

/// <summary>
/// Splits an access into selector and offset as the addressing mode says. Explicit: the selector
/// travels in <see cref="Access.Selector"/> and <see cref="Access.Address"/> is the offset. Top
/// bits: the top selector-bits of the address pick the segment. An access in the other mode's form
/// names no segment the unit can look up, so it faults with reason <c>selector</c>; an offset or
/// address wider than the mode's width faults with <c>out-of-range</c>, before any table is read.
/// </summary>
internal readonly struct SegmentedAddress
{
    private readonly SegmentationOptions _options;

    public SegmentedAddress(SegmentationOptions options)
    {
        _options = options;
        Offsets = new OffsetSpace(options.EffectiveOffsetBits);
    }

    public OffsetSpace Offsets { get; }

    /// <summary>How many selectors the mode can name: 2^selector-bits in top-bits mode, any 64-bit value in explicit mode.</summary>
    public UInt128 Selectors => _options.Mode == SegmentAddressing.TopBits
        ? UInt128.One << _options.SelectorBits
        : UInt128.One << 64;

    public FaultReason Split(in Access access, out ulong selector, out ulong offset)
    {
        selector = offset = 0;
        if (_options.Mode == SegmentAddressing.Explicit)
        {
            if (access.Selector is not { } explicitSelector)
                return FaultReason.Selector;
            if (!Offsets.Contains(access.Address))
                return FaultReason.OutOfRange;
            (selector, offset) = (explicitSelector, access.Address);
            return FaultReason.None;
        }

        if (access.Selector is not null)
            return FaultReason.Selector;
        if (access.Address >= UInt128.One << _options.AddressBits)
            return FaultReason.OutOfRange;
        selector = (ulong)((UInt128)access.Address >> Offsets.Bits);
        offset = (ulong)(access.Address & (Offsets.Size - 1));
        return FaultReason.None;
    }

    /// <summary>The widths the scenario format allows: 0 &lt; selector-bits &lt; address-bits ≤ 64, 0 &lt; offset-bits ≤ 64.</summary>
    public static void Validate(SegmentationOptions options)
    {
        var valid = options.Mode == SegmentAddressing.Explicit
            ? options.OffsetBits is > 0 and <= 64
            : options.AddressBits is > 0 and <= 64 && options.SelectorBits > 0 && options.SelectorBits < options.AddressBits;
        if (!valid)
            throw new ArgumentOutOfRangeException(nameof(options), options,
                "Expected 0 < selector-bits < address-bits <= 64 (top-bits) or 0 < offset-bits <= 64 (explicit).");
    }
}
