using Core = VmSpec.Core;
using Model = VmSpec.Scenarios;

namespace VmSpec.Runner.Execution;

/// <summary>
/// The scenario model's words mapped onto the machine's: the two are kept apart on purpose (the
/// model is netstandard2.0 and knows no machine). Every value is named: a value added to the model
/// and not here throws, so it is caught by the first test that meets it rather than read as another.
/// </summary>
internal static class Vocabulary
{
    public static Core.Mmu.AccessType ToAccessType(Model.AccessOp op) => op switch
    {
        Model.AccessOp.Read => Core.Mmu.AccessType.Read,
        Model.AccessOp.Write => Core.Mmu.AccessType.Write,
        Model.AccessOp.Execute => Core.Mmu.AccessType.Execute,
        _ => throw Unmapped(op),
    };

    public static Core.Mmu.PrivilegeMode ToMode(Model.PrivilegeMode mode) => mode switch
    {
        Model.PrivilegeMode.User => Core.Mmu.PrivilegeMode.User,
        Model.PrivilegeMode.Supervisor => Core.Mmu.PrivilegeMode.Supervisor,
        _ => throw Unmapped(mode),
    };

    public static Core.Mmu.FaultKind ToFault(Model.FaultKind fault) => fault switch
    {
        Model.FaultKind.InstructionPageFault => Core.Mmu.FaultKind.InstructionPageFault,
        Model.FaultKind.LoadPageFault => Core.Mmu.FaultKind.LoadPageFault,
        Model.FaultKind.StorePageFault => Core.Mmu.FaultKind.StorePageFault,
        Model.FaultKind.InstructionAccessFault => Core.Mmu.FaultKind.InstructionAccessFault,
        Model.FaultKind.LoadAccessFault => Core.Mmu.FaultKind.LoadAccessFault,
        Model.FaultKind.StoreAccessFault => Core.Mmu.FaultKind.StoreAccessFault,
        Model.FaultKind.SegmentationFault => Core.Mmu.FaultKind.SegmentationFault,
        _ => throw Unmapped(fault),
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
        Model.FaultReason.Selector => Core.Mmu.FaultReason.Selector,
        _ => throw Unmapped(reason),
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

    public static Core.Segmentation.SegmentPermissions ToSegmentPermissions(Model.Perm perm)
    {
        var permissions = Core.Segmentation.SegmentPermissions.None;
        if ((perm & Model.Perm.Read) != 0) permissions |= Core.Segmentation.SegmentPermissions.Read;
        if ((perm & Model.Perm.Write) != 0) permissions |= Core.Segmentation.SegmentPermissions.Write;
        if ((perm & Model.Perm.Execute) != 0) permissions |= Core.Segmentation.SegmentPermissions.Execute;
        return permissions;
    }

    public static string Name(Model.AccessOp op) => op switch
    {
        Model.AccessOp.Read => "read",
        Model.AccessOp.Write => "write",
        Model.AccessOp.Execute => "execute",
        _ => throw Unmapped(op),
    };

    private static ArgumentOutOfRangeException Unmapped<T>(T value) where T : struct, Enum =>
        new(typeof(T).Name, value, $"The scenario model's {typeof(T).Name} {value} has no counterpart in the machine.");
}
