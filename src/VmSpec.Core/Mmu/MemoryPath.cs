using VmSpec.Core.Memory;

namespace VmSpec.Core.Mmu;

/// <summary>
/// Loads and stores through an MMU into its machine's RAM, little-endian. A translation that lands
/// outside RAM becomes the access fault of the access's type; only a size other than 1, 2, 4 or 8
/// throws (<see cref="AccessSize.Check"/>). An access whose bytes run past the end of the page its
/// first byte is on is split there (<see cref="PageCrossing"/>).
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
        AccessSize.Check(size);
        var translation = mmu.Translate(access);
        return translation.IsFault ? new(translation, 0) : LoadTranslated(mmu, access, translation, size);
    }

    /// <summary>The reference store: <see cref="IMmu.Translate"/>, then a write to RAM.</summary>
    public static MemoryResult TranslateAndStore(IMmu mmu, in Access access, ulong value, int size = 8)
    {
        AccessSize.Check(size);
        var translation = mmu.Translate(access);
        return translation.IsFault ? new(translation, 0) : StoreTranslated(mmu, access, translation, value, size);
    }

    /// <summary>The rest of a load whose first byte translated to <paramref name="first"/>.</summary>
    private static MemoryResult LoadTranslated(IMmu mmu, in Access access, in Translation first, int size) =>
        PageCrossing.Splits(access.Address, first.PageSize, size)
            ? PageCrossing.Read(mmu, access, first, size)
            : ReadRam(mmu.Machine.Memory, first, access.Type, size);

    /// <summary>The rest of a store whose first byte translated to <paramref name="first"/>.</summary>
    private static MemoryResult StoreTranslated(IMmu mmu, in Access access, in Translation first, ulong value, int size) =>
        PageCrossing.Splits(access.Address, first.PageSize, size)
            ? PageCrossing.Write(mmu, access, first, size, value)
            : WriteRam(mmu.Machine.Memory, first, access.Type, value, size);

    /// <summary>A read of RAM where an access of one piece translated.</summary>
    internal static MemoryResult ReadRam(PhysicalMemory memory, in Translation translation, AccessType type, int size) =>
        memory.TryRead(translation.PhysicalAddress, size, out var value)
            ? new(translation, value)
            : new(OutsideRam(translation, type), 0);

    /// <summary>A write to RAM where an access of one piece translated.</summary>
    internal static MemoryResult WriteRam(PhysicalMemory memory, in Translation translation, AccessType type, ulong value, int size) =>
        memory.TryWrite(translation.PhysicalAddress, size, value)
            ? new(translation, value)
            : new(OutsideRam(translation, type), 0);

    /// <summary>A translation whose physical address RAM does not hold: the access fault of the access's type.</summary>
    internal static Translation OutsideRam(Translation translation, AccessType type) =>
        translation with { Fault = Faults.AccessFault(type), Reason = FaultReason.OutsideRam };
}
