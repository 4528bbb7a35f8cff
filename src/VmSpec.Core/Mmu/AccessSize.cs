namespace VmSpec.Core.Mmu;

/// <summary>The sizes a load or store may have: 1, 2, 4 or 8 bytes, the format's sizes.</summary>
public static class AccessSize
{
    public static bool IsValid(int size) => size is 1 or 2 or 4 or 8;

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> for any other size: that is the caller's
    /// error, not a fault of the memory it addresses, so no fault reason would be true of it.
    /// </summary>
    public static void Check(int size)
    {
        if (!IsValid(size))
            throw new ArgumentOutOfRangeException(nameof(size), size, "A load or store is 1, 2, 4 or 8 bytes.");
    }
}
