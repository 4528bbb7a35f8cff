namespace VmSpec.Core.Tlb;

/// <summary>
/// Finds the least recently used of a set's slots from their last-use stamps. A TLB that misses
/// on every access (a working set larger than it) picks a victim on each one, so the scan keeps
/// four running minimums at once instead of one long chain of comparisons; it reads the stamps
/// one at a time, as they were written, so the last stamp written forwards from the store buffer.
/// </summary>
internal static class Recency
{
    /// <summary>The index of the first smallest stamp.</summary>
    public static int Oldest(ReadOnlySpan<long> stamps)
    {
        int a = 0, b = 1, c = 2, d = 3;
        var i = 0;
        if (stamps.Length >= 4)
        {
            for (i = 4; i <= stamps.Length - 4; i += 4)
            {
                a = stamps[i] < stamps[a] ? i : a;
                b = stamps[i + 1] < stamps[b] ? i + 1 : b;
                c = stamps[i + 2] < stamps[c] ? i + 2 : c;
                d = stamps[i + 3] < stamps[d] ? i + 3 : d;
            }
            a = Earlier(stamps, a, b);
            c = Earlier(stamps, c, d);
            a = Earlier(stamps, a, c);
        }
        else
        {
            a = 0;
            i = 1;
        }
        for (; i < stamps.Length; i++)
            a = stamps[i] < stamps[a] ? i : a;
        return a;
    }

    /// <summary>The slot with the smaller stamp, the lower index on a tie (empty slots all stamp 0).</summary>
    private static int Earlier(ReadOnlySpan<long> stamps, int x, int y) =>
        stamps[y] < stamps[x] || (stamps[y] == stamps[x] && y < x) ? y : x;
}
