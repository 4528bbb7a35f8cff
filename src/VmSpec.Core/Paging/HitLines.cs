using System.Runtime.CompilerServices;

namespace VmSpec.Core.Paging;

/// <summary>
/// The hit cache's lines, held inside the MMU rather than in an array: a line is then one masked
/// index away, with no array to load and no bounds to check.
/// </summary>
[InlineArray(Count)]
internal struct HitLines
{
    public const int Count = 64;

    private HitLine _first;

    /// <summary>The line a 4 KiB virtual page maps to.</summary>
    public static int IndexOf(ulong va) => (int)(va >> HitLine.PageShift) & (Count - 1);
}
