namespace VmSpec.Core.Mmu;

/// <summary>The outcome of a load or store: the translation, and the value a load read.</summary>
public readonly record struct MemoryResult(Translation Translation, ulong Value)
{
    public bool IsFault => Translation.IsFault;
}

/// <summary>
/// Loads and stores through an MMU into its machine's RAM, little-endian. A translation that lands
/// outside RAM becomes the access fault of the access's type; nothing throws.
/// </summary>
public static class MemoryPath
{
    public static MemoryResult Load(this IMmu mmu, in Access access, int size = 8)
    {
        var translation = mmu.Translate(access);
        if (translation.IsFault)
            return new(translation, 0);
        return mmu.Machine.Memory.TryRead(translation.PhysicalAddress, size, out var value)
            ? new(translation, value)
            : new(OutsideRam(translation, access.Type), 0);
    }

    public static MemoryResult Store(this IMmu mmu, in Access access, ulong value, int size = 8)
    {
        var translation = mmu.Translate(access);
        if (translation.IsFault)
            return new(translation, 0);
        return mmu.Machine.Memory.TryWrite(translation.PhysicalAddress, size, value)
            ? new(translation, value)
            : new(OutsideRam(translation, access.Type), 0);
    }

    private static Translation OutsideRam(Translation translation, AccessType type) =>
        translation with { Fault = Faults.AccessFault(type), Reason = FaultReason.OutsideRam };
}
