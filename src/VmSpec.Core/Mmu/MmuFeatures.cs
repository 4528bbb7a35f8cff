namespace VmSpec.Core.Mmu;

/// <summary>The feature names scenarios use in <c>requires</c>.</summary>
public static class MmuFeatures
{
    public const string Superpages = "superpages";
    public const string Asid = "asid";
    public const string Svade = "svade";
}
