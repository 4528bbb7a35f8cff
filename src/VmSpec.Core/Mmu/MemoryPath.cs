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
    /// <summary>
    /// <see cref="IMmu.Load"/>, for callers holding a class that does not declare it (interface
    /// default members are reached only through the interface).
    /// </summary>
    public static MemoryResult Load(this IMmu mmu, in Access access, int size = 8) => mmu.Load(access, size);

    /// <summary><see cref="IMmu.Store"/>, for callers holding a class that does not declare it.</summary>
    public static MemoryResult Store(this IMmu mmu, in Access access, ulong value, int size = 8) => mmu.Store(access, value, size);

    /// <summary>The reference load every fused path must agree with: <see cref="IMmu.Translate"/>, then a read of RAM.</summary>
    public static MemoryResult TranslateAndLoad(IMmu mmu, in Access access, int size = 8)
    {
        var translation = mmu.Translate(access);
        if (translation.IsFault)
            return new(translation, 0);
        return mmu.Machine.Memory.TryRead(translation.PhysicalAddress, size, out var value)
            ? new(translation, value)
            : new(OutsideRam(translation, access.Type), 0);
    }

    /// <summary>The reference store: <see cref="IMmu.Translate"/>, then a write to RAM.</summary>
    public static MemoryResult TranslateAndStore(IMmu mmu, in Access access, ulong value, int size = 8)
    {
        var translation = mmu.Translate(access);
        if (translation.IsFault)
            return new(translation, 0);
        return mmu.Machine.Memory.TryWrite(translation.PhysicalAddress, size, value)
            ? new(translation, value)
            : new(OutsideRam(translation, access.Type), 0);
    }

    /// <summary>A translation whose physical address RAM does not hold: the access fault of the access's type.</summary>
    internal static Translation OutsideRam(Translation translation, AccessType type) =>
        translation with { Fault = Faults.AccessFault(type), Reason = FaultReason.OutsideRam };
}
