namespace VmSpec.Core.Mmu;

/// <summary>What an access wants to do with the byte it names.</summary>
public enum AccessType : byte
{
    Read,
    Write,
    Execute,
}

/// <summary>The privilege mode an access runs in; it decides how the U bit is read.</summary>
public enum PrivilegeMode : byte
{
    User,
    Supervisor,
}

/// <summary>
/// One memory access presented to an MMU. <see cref="Sum"/> and <see cref="Mxr"/> override the
/// machine's settings for this access only (as if sstatus had been written just before it).
/// <see cref="Selector"/> is set for the explicit <c>SEL:OFFSET</c> form of segmentation, where
/// <see cref="Address"/> is then the offset.
/// </summary>
public readonly record struct Access(
    ulong Address,
    AccessType Type,
    PrivilegeMode Mode = PrivilegeMode.User,
    bool? Sum = null,
    bool? Mxr = null,
    ulong? Selector = null)
{
    public static Access Read(ulong va, PrivilegeMode mode = PrivilegeMode.User) => new(va, AccessType.Read, mode);

    public static Access Write(ulong va, PrivilegeMode mode = PrivilegeMode.User) => new(va, AccessType.Write, mode);

    public static Access Execute(ulong va, PrivilegeMode mode = PrivilegeMode.User) => new(va, AccessType.Execute, mode);
}
