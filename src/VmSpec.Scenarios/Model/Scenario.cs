namespace VmSpec.Scenarios
{
    /// <summary>One scenario file, parsed and checked. Immutable, and equal to any other parse of the same text.</summary>
    public sealed record Scenario(
        string Id,
        string Area,
        string FilePath,
        string Description,
        string? Spec,
        EquatableArray<string> Mmu,
        EquatableArray<string> Requires,
        EquatableArray<string> Tags,
        MemorySettings Memory,
        PagingSettings Paging,
        SegmentationSettings Segmentation,
        Sv39Settings Sv39,
        TlbSettings Tlb,
        KernelSettings Kernel,
        EquatableArray<Step> Steps)
    {
        /// <summary>The built-in MMU kinds. Plug-ins may add others.</summary>
        public static readonly EquatableArray<string> BuiltInKinds = EquatableArray.Create("sv39", "single-level", "segmentation");
    }
}
