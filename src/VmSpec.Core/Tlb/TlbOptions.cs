namespace VmSpec.Core.Tlb;

/// <summary>
/// The scenario format's <c>tlb</c> section: fully associative with LRU replacement unless
/// <see cref="Ways"/> is set; entries tagged by ASID unless <see cref="AsidTagged"/> is false,
/// in which case an address-space switch flushes.
/// </summary>
public sealed record TlbOptions(int Entries = 64, int? Ways = null, bool AsidTagged = true);
