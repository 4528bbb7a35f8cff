using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// Sv48's canonical rule: bits 63..48 of a virtual address must all equal bit 47, so the usable
/// addresses are [0, 0x0000_7fff_ffff_ffff] and [0xffff_8000_0000_0000, 2^64). Anything between
/// page-faults before the TLB or the tables are looked at. The core's <see cref="AddressRule"/>
/// already states the rule for any width, so it is reused rather than written again.
/// </summary>
public static class Canonical
{
    public static readonly AddressRule Rule = AddressRule.Canonical(Sv48Layout.VaBits);

    /// <summary><see cref="FaultReason.NonCanonical"/>, or <see cref="FaultReason.None"/> for a usable address.</summary>
    public static FaultReason Check(ulong va) => Rule.Check(va);

    public static bool Holds(ulong va) => Rule.Check(va) == FaultReason.None;

    /// <summary>Copies bit 47 into bits 63..48: how dumps show the address a table slot stands for.</summary>
    public static ulong SignExtend(ulong va) => (ulong)((long)va << (64 - Sv48Layout.VaBits) >> (64 - Sv48Layout.VaBits));

    /// <summary>
    /// Whether [first, last] holds only canonical addresses: both ends canonical and in the same half,
    /// since a range from the low half to the high half would cross the non-canonical hole.
    /// </summary>
    public static bool HoldsRange(ulong first, ulong last) =>
        first <= last && Holds(first) && Holds(last) && (first >> 63) == (last >> 63);
}
