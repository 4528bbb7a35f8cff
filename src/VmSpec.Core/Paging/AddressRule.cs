using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// Which virtual addresses a table format can hold at all: Sv39's canonical 39-bit addresses, or
/// the single-level table's addresses below 2^va-bits. A value, not a virtual call, because every
/// translation, TLB hits included, asks it first.
/// </summary>
public readonly record struct AddressRule(int Bits, bool SignExtended)
{
    public static AddressRule Canonical(int bits) => new(bits, true);

    public static AddressRule Below(int bits) => new(bits, false);

    public FaultReason Check(ulong va)
    {
        if (Bits >= 64)
            return FaultReason.None;
        if (SignExtended)
            return (ulong)((long)va << (64 - Bits) >> (64 - Bits)) == va ? FaultReason.None : FaultReason.NonCanonical;
        return va >> Bits == 0 ? FaultReason.None : FaultReason.OutOfRange;
    }

    /// <summary>
    /// The address the low <see cref="Bits"/> of va stand for: under a sign-extended rule, bit
    /// Bits - 1 copied into the bits above it; otherwise va itself.
    /// </summary>
    public ulong Extend(ulong va) =>
        SignExtended && Bits < 64 ? (ulong)((long)va << (64 - Bits) >> (64 - Bits)) : va;

    /// <summary>
    /// Whether every address of [first, last] passes <see cref="Check"/>. Both ends must; under a
    /// sign-extended rule narrower than 64 bits they must also lie in the same half, as a range
    /// from the low half to the high one crosses the non-canonical hole between them.
    /// </summary>
    public bool Covers(ulong first, ulong last) =>
        Check(first) == FaultReason.None && Check(last) == FaultReason.None
        && (!SignExtended || Bits >= 64 || (first >> 63) == (last >> 63));
}
