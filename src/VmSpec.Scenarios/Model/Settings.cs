namespace VmSpec.Scenarios
{
    // Each settings record carries the defaults of the format and IsExplicit, which says whether the
    // section was written in the file (so a runner or a report can tell "default" from "chosen").

    /// <summary><c>memory</c>: physical RAM.</summary>
    public sealed record MemorySettings(ulong Base, ulong Size, bool IsExplicit)
    {
        public const ulong DefaultBase = 0x8000_0000;
        public const ulong DefaultSize = 16UL << 20;
        public static readonly MemorySettings Default = new MemorySettings(DefaultBase, DefaultSize, false);
    }

    /// <summary><c>paging</c>: settings of the single-level MMU.</summary>
    public sealed record PagingSettings(ulong PageSize, int VaBits, bool IsExplicit)
    {
        public static readonly PagingSettings Default = new PagingSettings(4096, 32, false);
    }

    /// <summary>
    /// <c>segmentation</c>. In explicit mode only <see cref="OffsetBits"/> matters; in top-bits mode
    /// <see cref="AddressBits"/> and <see cref="SelectorBits"/> do, and OffsetBits is their difference.
    /// </summary>
    public sealed record SegmentationSettings(SegmentationMode Mode, int AddressBits, int SelectorBits, int OffsetBits, bool IsExplicit)
    {
        public static readonly SegmentationSettings Default = new SegmentationSettings(SegmentationMode.Explicit, 0, 0, 32, false);
    }

    /// <summary><c>sv39</c>.</summary>
    public sealed record Sv39Settings(AccessDirtyPolicy Ad, bool Sum, bool Mxr, bool IsExplicit)
    {
        public static readonly Sv39Settings Default = new Sv39Settings(AccessDirtyPolicy.Hardware, false, false, false);
    }

    /// <summary><c>tlb</c>. <see cref="Ways"/> null means fully associative.</summary>
    public sealed record TlbSettings(int Entries, int? Ways, bool Asid, bool IsExplicit)
    {
        public static readonly TlbSettings Default = new TlbSettings(64, null, true, false);
    }

    /// <summary><c>kernel</c>. Swap 0 means no backing store.</summary>
    public sealed record KernelSettings(ulong Swap, bool IsExplicit)
    {
        public static readonly KernelSettings Default = new KernelSettings(0, false);
    }
}
