using Core = VmSpec.Core;
using Model = VmSpec.Scenarios;

namespace VmSpec.Runner.Execution;

/// <summary>The scenario model's words mapped onto the machine's: the two are kept apart on purpose (the model is netstandard2.0 and knows no machine).</summary>
internal static class Vocabulary
{
    public static Core.Mmu.AccessType ToAccessType(Model.AccessOp op) => op switch
    {
        Model.AccessOp.Read => Core.Mmu.AccessType.Read,
        Model.AccessOp.Write => Core.Mmu.AccessType.Write,
        _ => Core.Mmu.AccessType.Execute,
    };

    public static Core.Mmu.PrivilegeMode ToMode(Model.PrivilegeMode mode) =>
        mode == Model.PrivilegeMode.Supervisor ? Core.Mmu.PrivilegeMode.Supervisor : Core.Mmu.PrivilegeMode.User;

    public static Core.Mmu.FaultKind ToFault(Model.FaultKind fault) => fault switch
    {
        Model.FaultKind.InstructionPageFault => Core.Mmu.FaultKind.InstructionPageFault,
        Model.FaultKind.LoadPageFault => Core.Mmu.FaultKind.LoadPageFault,
        Model.FaultKind.StorePageFault => Core.Mmu.FaultKind.StorePageFault,
        Model.FaultKind.InstructionAccessFault => Core.Mmu.FaultKind.InstructionAccessFault,
        Model.FaultKind.LoadAccessFault => Core.Mmu.FaultKind.LoadAccessFault,
        Model.FaultKind.StoreAccessFault => Core.Mmu.FaultKind.StoreAccessFault,
        _ => Core.Mmu.FaultKind.SegmentationFault,
    };

    public static Core.Mmu.FaultReason ToReason(Model.FaultReason reason) => reason switch
    {
        Model.FaultReason.Invalid => Core.Mmu.FaultReason.Invalid,
        Model.FaultReason.Reserved => Core.Mmu.FaultReason.Reserved,
        Model.FaultReason.NoLeaf => Core.Mmu.FaultReason.NoLeaf,
        Model.FaultReason.Permission => Core.Mmu.FaultReason.Permission,
        Model.FaultReason.MisalignedSuperpage => Core.Mmu.FaultReason.MisalignedSuperpage,
        Model.FaultReason.NonCanonical => Core.Mmu.FaultReason.NonCanonical,
        Model.FaultReason.NotAccessed => Core.Mmu.FaultReason.NotAccessed,
        Model.FaultReason.NotDirty => Core.Mmu.FaultReason.NotDirty,
        Model.FaultReason.OutOfRange => Core.Mmu.FaultReason.OutOfRange,
        Model.FaultReason.Limit => Core.Mmu.FaultReason.Limit,
        _ => Core.Mmu.FaultReason.Selector,
    };

    public static Core.Paging.PteFlags ToPteFlags(Model.Perm perm, bool user)
    {
        var flags = Core.Paging.PteFlags.None;
        if ((perm & Model.Perm.Read) != 0) flags |= Core.Paging.PteFlags.R;
        if ((perm & Model.Perm.Write) != 0) flags |= Core.Paging.PteFlags.W;
        if ((perm & Model.Perm.Execute) != 0) flags |= Core.Paging.PteFlags.X;
        if (user) flags |= Core.Paging.PteFlags.U;
        return flags;
    }

    public static Core.Segmentation.SegmentPermissions ToSegmentPermissions(Model.Perm perm) =>
        (Core.Segmentation.SegmentPermissions)(int)perm;

    public static string Name(Model.AccessOp op) => op switch
    {
        Model.AccessOp.Read => "read",
        Model.AccessOp.Write => "write",
        _ => "execute",
    };
}
