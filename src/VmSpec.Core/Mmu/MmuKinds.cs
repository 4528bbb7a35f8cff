namespace VmSpec.Core.Mmu;

/// <summary>The kinds built into the core; plug-ins bring their own names.</summary>
public static class MmuKinds
{
    public const string Sv39 = "sv39";
    public const string SingleLevel = "single-level";
    public const string Segmentation = "segmentation";
}
