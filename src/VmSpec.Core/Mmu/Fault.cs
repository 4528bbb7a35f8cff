namespace VmSpec.Core.Mmu;

/// <summary>The exception an access raises; <see cref="None"/> for a translation that succeeded.</summary>
public enum FaultKind : byte
{
    None,
    InstructionPageFault,
    LoadPageFault,
    StorePageFault,
    InstructionAccessFault,
    LoadAccessFault,
    StoreAccessFault,
    SegmentationFault,
}

/// <summary>Why an access faulted: which rule of the translation process stopped it.</summary>
public enum FaultReason : byte
{
    None,

    /// <summary>V = 0.</summary>
    Invalid,

    /// <summary>W without R, bits 63..54 set, or A/D/U on a pointer PTE.</summary>
    Reserved,

    /// <summary>A pointer PTE where no level is left to point to.</summary>
    NoLeaf,

    /// <summary>R/W/X, U, SUM or MXR deny the access.</summary>
    Permission,

    /// <summary>A superpage leaf whose low PPN fields are not zero.</summary>
    MisalignedSuperpage,

    /// <summary>Bits 63..39 of an Sv39 address differ from bit 38.</summary>
    NonCanonical,

    /// <summary>A = 0 with the walk not allowed to set it (Svade).</summary>
    NotAccessed,

    /// <summary>A store to a page with D = 0 with the walk not allowed to set it (Svade).</summary>
    NotDirty,

    /// <summary>An address at or beyond the MMU's virtual address width.</summary>
    OutOfRange,

    /// <summary>A segment offset beyond the segment's limit.</summary>
    Limit,

    /// <summary>No segment is defined for the selector.</summary>
    Selector,

    /// <summary>
    /// A physical address outside RAM: a page-table read there, or a load or store translated there.
    /// Reported with the access-fault kinds; the scenario format has no name for it on purpose.
    /// </summary>
    OutsideRam,
}

/// <summary>Maps an access type to the exception of each family, as the privileged spec pairs them.</summary>
public static class Faults
{
    public static FaultKind PageFault(AccessType type) => type switch
    {
        AccessType.Read => FaultKind.LoadPageFault,
        AccessType.Write => FaultKind.StorePageFault,
        _ => FaultKind.InstructionPageFault,
    };

    public static FaultKind AccessFault(AccessType type) => type switch
    {
        AccessType.Read => FaultKind.LoadAccessFault,
        AccessType.Write => FaultKind.StoreAccessFault,
        _ => FaultKind.InstructionAccessFault,
    };

    /// <summary>The format's kebab-case name: <c>load-page-fault</c>, <c>misaligned-superpage</c>.</summary>
    public static string Name(FaultKind kind) => kind switch
    {
        FaultKind.None => "none",
        FaultKind.InstructionPageFault => "instruction-page-fault",
        FaultKind.LoadPageFault => "load-page-fault",
        FaultKind.StorePageFault => "store-page-fault",
        FaultKind.InstructionAccessFault => "instruction-access-fault",
        FaultKind.LoadAccessFault => "load-access-fault",
        FaultKind.StoreAccessFault => "store-access-fault",
        FaultKind.SegmentationFault => "segmentation-fault",
        _ => kind.ToString(),
    };

    public static string Name(FaultReason reason) => reason switch
    {
        FaultReason.None => "none",
        FaultReason.Invalid => "invalid",
        FaultReason.Reserved => "reserved",
        FaultReason.NoLeaf => "no-leaf",
        FaultReason.Permission => "permission",
        FaultReason.MisalignedSuperpage => "misaligned-superpage",
        FaultReason.NonCanonical => "non-canonical",
        FaultReason.NotAccessed => "not-accessed",
        FaultReason.NotDirty => "not-dirty",
        FaultReason.OutOfRange => "out-of-range",
        FaultReason.Limit => "limit",
        FaultReason.Selector => "selector",
        FaultReason.OutsideRam => "outside-ram",
        _ => reason.ToString(),
    };
}
