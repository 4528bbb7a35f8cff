using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// An access together with the status bits that judge it: the access's own SUM and MXR when it
/// gives them (as if sstatus had just been written), else the machine's, and how A/D are kept.
/// Sv48 reads these from the scenario's <c>sv39</c> section: the bits live in sstatus and the
/// Svade choice in menvcfg, not in the table format, so every kind with the Sv39 PTE layout shares them.
/// </summary>
internal readonly record struct AccessRules(AccessType Type, PrivilegeMode Mode, bool Sum, bool Mxr, AdMode Ad)
{
    public static AccessRules For(in Access access, Sv39Options status) =>
        new(access.Type, access.Mode, access.Sum ?? status.Sum, access.Mxr ?? status.Mxr, status.Ad);
}
