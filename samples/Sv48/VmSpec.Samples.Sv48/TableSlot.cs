using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48;

/// <summary>
/// Where an editing descent stopped: the slot at the level asked for, or the first entry above it
/// that editing cannot follow down (zero, a leaf, a raw entry, a pointer to a table outside RAM).
/// </summary>
internal readonly record struct TableSlot(int Level, ulong Address, Pte Pte);
