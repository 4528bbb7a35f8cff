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

    /// <summary>A readable dump of the current translation tables, read from simulated memory.</summary>
    string Dump();
}
