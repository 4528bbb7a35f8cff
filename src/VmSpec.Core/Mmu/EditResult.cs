namespace VmSpec.Core.Mmu;

/// <summary>Whether a table edit was done, and if not, why.</summary>
public enum EditStatus : byte
{
    Ok,

    /// <summary>A table page was needed and no frame was free; nothing was changed.</summary>
    OutOfMemory,

    /// <summary>The request does not fit the tables (misaligned, out of range, a leaf in the way...).</summary>
    Invalid,
}

public readonly record struct EditResult(EditStatus Status, string? Message = null)
{
    public static readonly EditResult Ok = new(EditStatus.Ok);

    public bool IsOk => Status == EditStatus.Ok;

    public static EditResult Invalid(string message) => new(EditStatus.Invalid, message);

    public static EditResult OutOfMemory(string message) => new(EditStatus.OutOfMemory, message);

    public override string ToString() => IsOk ? "ok" : $"{Status}: {Message}";
}
