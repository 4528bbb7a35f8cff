using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// Step 5 of the privileged spec's translation process: may this leaf be used for this access,
/// in this mode, with these SUM and MXR settings? Shared by every walk and by the TLB's hit path,
/// so a cached entry is judged exactly as the leaf it came from.
/// </summary>
public static class LeafPermission
{
    public static bool Allows(PteFlags leaf, AccessType type, PrivilegeMode mode, bool sum, bool mxr)
    {
        var user = (leaf & PteFlags.U) != 0;
        if (mode == PrivilegeMode.User && !user)
            return false;

        // Supervisor code never executes user pages; it reads and writes them only under SUM.
        if (mode == PrivilegeMode.Supervisor && user && (type == AccessType.Execute || !sum))
            return false;

        return type switch
        {
            // MXR makes executable pages readable as well.
            AccessType.Read => (leaf & PteFlags.R) != 0 || (mxr && (leaf & PteFlags.X) != 0),
            AccessType.Write => (leaf & PteFlags.W) != 0,
            _ => (leaf & PteFlags.X) != 0,
        };
    }
}
