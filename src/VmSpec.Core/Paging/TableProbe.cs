namespace VmSpec.Core.Paging;

/// <summary>
/// Where an editing descent stopped: the slot at the level asked for, or the first entry above it
/// that is not a pointer editing can follow (zero, a leaf, a raw entry, a pointer outside RAM).
/// What a format's <see cref="PagingMmu.Probe"/> returns.
/// </summary>
public readonly record struct TableProbe(int Level, ulong SlotAddress, Pte Pte);
