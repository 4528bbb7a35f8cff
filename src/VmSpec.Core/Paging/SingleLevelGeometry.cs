using System.Numerics;
using VmSpec.Core.Memory;

namespace VmSpec.Core.Paging;

/// <summary>
/// The single-level table's shape: 2^(va-bits − page-bits) PTEs of 8 bytes, indexed by the VPN
/// (va &gt;&gt; page-bits). Pages of 8 B to 64 KiB; va-bits from page-bits to 64.
/// </summary>
public sealed record SingleLevelGeometry
{
    public const int MinPageBits = 3;
    public const int MaxPageBits = 16;

    public SingleLevelGeometry(SingleLevelOptions options)
    {
        var pageSize = options.PageSize;
        if (!BitOperations.IsPow2(pageSize) || pageSize < 1UL << MinPageBits || pageSize > 1UL << MaxPageBits)
            throw new ArgumentOutOfRangeException(nameof(options), pageSize, "The page size must be a power of two from 8 B to 64 KiB.");
        PageBits = BitOperations.Log2(pageSize);
        if (options.VaBits < PageBits || options.VaBits > 64)
            throw new ArgumentOutOfRangeException(nameof(options), options.VaBits, $"va-bits must be from {PageBits} to 64.");
        VaBits = options.VaBits;
    }

    public int PageBits { get; }

    public int VaBits { get; }

    public ulong PageSize => 1UL << PageBits;

    /// <summary>log2 of the number of PTEs.</summary>
    public int IndexBits => VaBits - PageBits;

    /// <summary>The table's size in bytes; null when it does not fit in 64 bits.</summary>
    public ulong? TableBytes => IndexBits <= 60 ? (1UL << IndexBits) * Pte.Size : null;

    /// <summary>Frames the table takes: whole frames, at least one.</summary>
    public long? TableFrames => TableBytes is { } bytes
        ? (long)Math.Max(1, (bytes + PhysicalMemory.FrameSize - 1) / PhysicalMemory.FrameSize)
        : null;
}
