namespace VmSpec.Core.Paging;

/// <summary>A leaf found for an address: the PTE, its level, where it sits, and the page size it maps.</summary>
public readonly record struct LeafLookup(bool Found, Pte Pte, int Level, ulong PteAddress, ulong PageSize)
{
    public static readonly LeafLookup None = default;
}
