namespace VmSpec.Core.Mmu;

/// <summary>
/// The outcome of a load or store: the translation, and the value a load read. For an access split
/// at a page boundary, <see cref="Translation"/> is the first portion's, or the faulting portion's.
/// </summary>
public readonly record struct MemoryResult(Translation Translation, ulong Value)
{
    public bool IsFault => Translation.IsFault;

    /// <summary>
    /// Every portion of an access split at page boundaries, in order, up to and including the one
    /// that faulted: each page the access ran onto took a translation of its own, and reports
    /// (coverage, a failed value check) want all of them. Null when the access was one piece.
    /// </summary>
    public IReadOnlyList<AccessPortion>? Portions { get; init; }
}
