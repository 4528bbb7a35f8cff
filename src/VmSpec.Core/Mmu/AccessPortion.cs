namespace VmSpec.Core.Mmu;

/// <summary>The part of a split load or store that lies on one page: where it starts, and how that address translated.</summary>
public readonly record struct AccessPortion(ulong Address, Translation Translation);
