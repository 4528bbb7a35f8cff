using System.Numerics;
using System.Runtime.Intrinsics;

namespace VmSpec.Core.Tlb;

/// <summary>
/// Finds the least recently used of a set's slots from their last-use stamps. A TLB that misses
/// on every access (a working set larger than it) picks a victim on each one, so the stamps are
/// compared four at a time: one pass for the smallest, one for the first slot that holds it.
/// Reading a block over a stamp just stored would wait for the store to reach the cache; on the
/// miss path the last stamp was written by the previous fill, a whole walk earlier.
/// </summary>
internal static class Recency
{
    private static readonly int Width = Vector256<long>.Count;

    /// <summary>The index of the first smallest stamp.</summary>
    public static int Oldest(ReadOnlySpan<long> stamps)
    {
        if (!Vector256.IsHardwareAccelerated || stamps.Length < Width)
            return OldestOneByOne(stamps);

        // The last block may overlap the one before it: a stamp seen twice changes no minimum.
        var last = stamps.Length - Width;
        var smallest = Vector256.Create(stamps[last..]);
        for (var i = 0; i < last; i += Width)
            smallest = Vector256.Min(smallest, Vector256.Create(stamps[i..]));
        var oldest = Vector256.Create(Math.Min(
            Math.Min(smallest.GetElement(0), smallest.GetElement(1)),
            Math.Min(smallest.GetElement(2), smallest.GetElement(3))));

        for (var i = 0; ; i = Math.Min(i + Width, last))
        {
            var matches = Vector256.Equals(Vector256.Create(stamps[i..]), oldest).ExtractMostSignificantBits();
            if (matches != 0)
                return i + BitOperations.TrailingZeroCount(matches);
        }
    }

    private static int OldestOneByOne(ReadOnlySpan<long> stamps)
    {
        var oldest = 0;
        for (var i = 1; i < stamps.Length; i++)
            oldest = stamps[i] < stamps[oldest] ? i : oldest;
        return oldest;
    }
}
