using VmSpec.Core.Tlb;

namespace VmSpec.Core.Tests.Tlb;

/// <summary>
/// The TLB's rules written out plainly, independent of how <see cref="Core.Tlb.Tlb"/> implements
/// them: <c>sets × ways</c> entries, a page's set chosen by its VPN at its own size, least recently
/// used replacement within a set, ASID matching, and the four forms of sfence.vma. Where the rules
/// allow several outcomes it lists them all rather than predicting one; the caller then reports
/// which one happened, so the model stays in step with what it checks.
/// Entries are told apart by value, so each one inserted must differ from every other.
/// </summary>
internal sealed class TlbModel
{
    private readonly List<Cached>[] _sets;
    private readonly int _ways;
    private readonly bool _asidTagged;
    private long _uses;

    public TlbModel(TlbOptions options)
    {
        _ways = options.Ways ?? options.Entries;
        _sets = Enumerable.Range(0, options.Entries / _ways).Select(_ => new List<Cached>()).ToArray();
        _asidTagged = options.AsidTagged;
    }

    public int Count => _sets.Sum(set => set.Count);

    public IEnumerable<TlbEntry> Entries => _sets.SelectMany(set => set).Select(cached => cached.Entry);

    /// <summary>
    /// Every entry a lookup may answer with; none means it must miss. RISC-V leaves the choice
    /// open when several match (a global and an ASID entry for one page, or a base page and a
    /// superpage over it after a remap without sfence.vma), so any of them is right.
    /// </summary>
    public IReadOnlyList<TlbEntry> Matching(ulong va, ushort asid) =>
        Entries.Where(entry => entry.Contains(va) && Answers(entry, asid)).ToList();

    /// <summary>The entry a lookup answered with, now the most recently used.</summary>
    public void Used(TlbEntry entry) => Find(entry).LastUse = ++_uses;

    /// <summary>
    /// What inserting <paramref name="entry"/> may overwrite; null stands for an empty slot.
    /// First an entry for the same page and ASID: the same page size and VPN, and one a lookup
    /// under the new entry's ASID would match (it is global, ASIDs are off, or its ASID is the
    /// new entry's). Any of them if several. Else an empty slot of the set, else the set's least
    /// recently used entry.
    /// </summary>
    public IReadOnlyList<TlbEntry?> Replaceable(TlbEntry entry)
    {
        var set = SetOf(entry);
        var samePage = set
            .Where(cached => cached.Entry.PageShift == entry.PageShift && cached.Entry.Vpn == entry.Vpn && Answers(cached.Entry, entry.Asid))
            .Select(cached => (TlbEntry?)cached.Entry)
            .ToList();
        if (samePage.Count > 0)
            return samePage;
        if (set.Count < _ways)
            return [null];
        return [set.MinBy(cached => cached.LastUse)!.Entry];
    }

    /// <summary>Inserts <paramref name="entry"/> in place of <paramref name="replaced"/> (one of <see cref="Replaceable"/>), as the most recently used.</summary>
    public void Insert(TlbEntry entry, TlbEntry? replaced)
    {
        var set = SetOf(entry);
        if (replaced is { } old)
            set.Remove(Find(old));
        set.Add(new Cached(entry, ++_uses));
    }

    /// <summary>sfence.vma with either argument optional; an ASID never reaches global entries.</summary>
    public void Flush(ulong? va, ushort? asid)
    {
        foreach (var set in _sets)
            set.RemoveAll(cached =>
                (va is not { } address || cached.Entry.Contains(address))
                && (asid is not { } id || (!cached.Entry.Global && cached.Entry.Asid == id)));
    }

    // Untagged, the TLB holds one address space at a time (the caller flushes on a switch).
    private bool Answers(TlbEntry entry, ushort asid) => entry.Global || !_asidTagged || entry.Asid == asid;

    private List<Cached> SetOf(TlbEntry entry) => _sets[(int)(entry.Vpn % (ulong)_sets.Length)];

    private Cached Find(TlbEntry entry) => SetOf(entry).Single(cached => cached.Entry == entry);

    private sealed class Cached(TlbEntry entry, long lastUse)
    {
        public TlbEntry Entry { get; } = entry;

        public long LastUse { get; set; } = lastUse;
    }
}
