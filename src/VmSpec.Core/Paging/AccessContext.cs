using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// An access with the status bits that judge it resolved: the access's own SUM/MXR when given,
/// else the machine's, and how A/D are kept. Built once per translation.
/// </summary>
internal readonly record struct AccessContext(AccessType Type, PrivilegeMode Mode, bool Sum, bool Mxr, AdMode Ad)
{
    public static AccessContext For(in Access access, Sv39Options options) =>
        new(access.Type, access.Mode, access.Sum ?? options.Sum, access.Mxr ?? options.Mxr, options.Ad);
}
