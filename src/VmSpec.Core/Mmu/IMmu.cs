namespace VmSpec.Core.Mmu;

/// <summary>
/// The contract every MMU implements, built-in or plugged in. <see cref="Translate"/> never
/// throws: any address, any table contents, gives a translation or a fault.
/// An implementation has a public constructor taking a <see cref="Machine"/>.
/// </summary>
public interface IMmu
{
    /// <summary>The family of scenarios it runs: <c>sv39</c>, <c>single-level</c>, <c>segmentation</c>, or a plug-in's own.</summary>
    string Kind { get; }

    /// <summary>Optional capabilities scenarios may require: <c>superpages</c>, <c>asid</c>, <c>svade</c>, ...</summary>
    IReadOnlySet<string> Features { get; }

    Machine Machine { get; }

    MmuCounters Counters { get; }

    Translation Translate(in Access access);

    /// <summary>
    /// Translates an access and reads <paramref name="size"/> bytes (1, 2, 4 or 8) of RAM there,
    /// little-endian. The default is <see cref="MemoryPath.TranslateAndLoad"/>: an access that runs
    /// past the page of its first byte (<see cref="Translation.PageSize"/>) is split there and the
    /// rest translated page by page. An MMU may fuse the steps into a faster path, as long as the
    /// result and the counters stay the same, or check the whole access at once, as a segment's limit is.
    /// Any other size throws <see cref="ArgumentOutOfRangeException"/> (<see cref="AccessSize.Check"/>):
    /// it is the caller's error, and no fault reason would describe it.
    /// </summary>
    MemoryResult Load(in Access access, int size = 8) => MemoryPath.TranslateAndLoad(this, access, size);

    /// <summary>Translates an access and writes the low <paramref name="size"/> bytes of <paramref name="value"/> there; see <see cref="Load"/>.</summary>
    MemoryResult Store(in Access access, ulong value, int size = 8) => MemoryPath.TranslateAndStore(this, access, value, size);

    /// <summary>A readable dump of the current translation tables, read from simulated memory.</summary>
    string Dump();
}
