using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// Sv48's canonical rule: bits 63..48 of a virtual address must all equal bit 47, so the usable
/// addresses are [0, 0x0000_7fff_ffff_ffff] and [0xffff_8000_0000_0000, 2^64). Anything between
/// page-faults before the TLB or the tables are looked at. The core's <see cref="AddressRule"/>
/// states the rule for any width, and <see cref="PagingMmu"/> checks it on every access and edit.
/// </summary>
public static class Canonical
{
    public static readonly AddressRule Rule = AddressRule.Canonical(Sv48Layout.VaBits);

    /// <summary>Copies bit 47 into bits 63..48: the canonical address a table slot stands for.</summary>
    public static ulong SignExtend(ulong va) => (ulong)((long)va << (64 - Sv48Layout.VaBits) >> (64 - Sv48Layout.VaBits));
}
