using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace VmSpec.Core.Tlb;

/// <summary>
/// A translation lookaside buffer of <c>sets × ways</c> entries (one set of all entries when
/// fully associative), least-recently-used replacement within a set, entries tagged by ASID and
/// the global bit. The set of a page is picked by the low bits of its VPN at its own page size.
/// It holds only what the MMU inserts: a stale entry hits until it is flushed, as on hardware.
/// </summary>
public sealed class Tlb
{
    // An empty slot's tag. A real tag is (vpn << 6) | shift with shift <= 63, never all ones with
    // a shift of a real page, so it cannot collide.
    private const ulong Empty = ulong.MaxValue;

    private readonly ulong[] _tags;
    private readonly TlbEntry[] _entries;
    private readonly long[] _lastUse;
    private readonly int[] _entriesPerShift = new int[64];

    // A direct-mapped index in front of the associative scan: for a (vpn, shift) it remembers the
    // slot last found or filled, plus one. It is only a guess, checked against the slot's tag and
    // ASID before use, so flushes and evictions need not touch it and lookups stay exact.
    private readonly int[] _hints;
    private readonly int _hintMask;

    // How many entries have a (vpn, shift) of each hint index. None: the page is in no slot, and a
    // miss is known without scanning the set.
    private readonly int[] _entriesPerHint;
    private ulong _shiftsPresent;
    private long _clock;

    // Bumped whenever anything a lookup's answer depends on changes: an entry inserted or evicted,
    // or a remembered slot moved. While it stands, the same va and ASID find the same slot, so a
    // cache in front of the TLB may reuse an answer it saw. The LRU order moves without it: no
    // answer depends on it.
    private readonly ChangeCount _changes;

    public Tlb(TlbOptions? options = null)
        : this(options, new ChangeCount())
    {
    }

    /// <summary>A TLB that bumps <paramref name="changes"/> whenever the answer of a lookup may change (see <see cref="ChangeCount"/>).</summary>
    internal Tlb(TlbOptions? options, ChangeCount changes)
    {
        _changes = changes;
        options ??= new TlbOptions();
        if (options.Entries <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), "A TLB needs at least one entry.");
        Ways = options.Ways ?? options.Entries;
        if (Ways <= 0 || options.Entries % Ways != 0)
            throw new ArgumentOutOfRangeException(nameof(options), "Ways must divide the number of entries.");

        Sets = options.Entries / Ways;
        AsidTagged = options.AsidTagged;
        _tags = new ulong[options.Entries];
        _entries = new TlbEntry[options.Entries];
        _lastUse = new long[options.Entries];
        Array.Fill(_tags, Empty);
        _hints = new int[(int)BitOperations.RoundUpToPowerOf2((uint)options.Entries * 4)];
        _hintMask = _hints.Length - 1;
        _entriesPerHint = new int[_hints.Length];
    }

    public int Capacity => _tags.Length;

    public int Sets { get; }

    public int Ways { get; }

    public bool AsidTagged { get; }

    public int Count { get; private set; }

    /// <summary>One bit per page shift some entry has; a lookup tries them smallest first.</summary>
    internal ulong ShiftsPresent => _shiftsPresent;

    /// <summary>The valid entries, for dumps and tests.</summary>
    public IEnumerable<TlbEntry> Entries
    {
        get
        {
            for (var i = 0; i < _tags.Length; i++)
                if (_tags[i] != Empty)
                    yield return _entries[i];
        }
    }

    /// <summary>Finds the entry translating <paramref name="va"/> for <paramref name="asid"/> and marks it used.</summary>
    public bool TryLookup(ulong va, ushort asid, out TlbEntry entry)
    {
        var slot = LookupSlot(va, asid);
        entry = slot >= 0 ? _entries[slot] : default;
        return slot >= 0;
    }

    /// <summary>The slot <see cref="TryLookup"/> answers from, marked used; -1 on a miss.</summary>
    internal int LookupSlot(ulong va, ushort asid)
    {
        for (var shifts = _shiftsPresent; shifts != 0; shifts &= shifts - 1)
        {
            var shift = BitOperations.TrailingZeroCount(shifts);
            var slot = Find(va >> shift, shift, asid);
            if (slot >= 0)
            {
                Touch(slot);
                return slot;
            }
        }
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref readonly TlbEntry EntryAt(int slot) => ref _entries[slot];

    /// <summary>Marks a slot used, as a lookup that finds it does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Touch(int slot) => _lastUse[slot] = ++_clock;

    /// <summary>
    /// Caches a leaf in the slot of the entry a lookup of its page and ASID would find (another ASID's
    /// global entry included: the spec leaves mappings that disagree on G unpredictable, and one entry
    /// per page keeps lookups unambiguous), else an empty slot, else the set's least recently used.
    /// </summary>
    public void Insert(in TlbEntry entry)
    {
        var slot = Find(entry.Vpn, entry.PageShift, entry.Asid);
        Fill(slot >= 0 ? slot : Victim(SetOf(entry.Vpn)), entry);
    }

    /// <summary>
    /// <see cref="Insert"/> for the leaf of an address a lookup for the entry's ASID has just
    /// missed, with nothing changed since: no entry for its page can be present (the lookup tried
    /// the page at every size present), so the search for one is skipped.
    /// </summary>
    internal void InsertAfterMiss(in TlbEntry entry)
    {
        Debug.Assert(Find(entry.Vpn, entry.PageShift, entry.Asid) < 0, "a lookup for this page must have missed");
        Fill(Victim(SetOf(entry.Vpn)), entry);
    }

    private void Fill(int slot, in TlbEntry entry)
    {
        var shift = entry.PageShift;
        if (_tags[slot] == Empty)
        {
            Count++;
            CountShift(shift, +1);
        }
        else
        {
            // Replaced in place: only the counts the old entry and the new one differ in move.
            ref readonly var old = ref _entries[slot];
            _entriesPerHint[HintOf(old.Vpn, old.PageShift)]--;
            if (old.PageShift != shift)
            {
                CountShift(old.PageShift, -1);
                CountShift(shift, +1);
            }
        }

        _tags[slot] = Tag(entry.Vpn, shift);
        // Field by field: the entry was just built on the caller's stack a field at a time, and a
        // whole-struct copy would read it back wider than it was written, stalling store forwarding.
        _entries[slot] = new TlbEntry(entry.Vpn, shift, entry.Asid, entry.Global, entry.PhysicalBase, entry.Flags, entry.Level);
        var hint = HintOf(entry.Vpn, shift);
        _hints[hint] = slot + 1;
        _entriesPerHint[hint]++;
        _lastUse[slot] = ++_clock;
        _changes.Bump();
    }

    /// <summary>
    /// sfence.vma. Neither argument: every entry. Only <paramref name="asid"/>: that ASID's
    /// non-global entries. Only <paramref name="va"/>: the entries covering va in every ASID,
    /// global ones included. Both: the non-global entries of that ASID covering va.
    /// </summary>
    public void Flush(ulong? va = null, ushort? asid = null)
    {
        for (var slot = 0; slot < _tags.Length; slot++)
        {
            if (_tags[slot] == Empty)
                continue;
            ref readonly var entry = ref _entries[slot];
            var pageMatches = va is not { } address || entry.Contains(address);
            var asidMatches = asid is not { } id || (!entry.Global && entry.Asid == id);
            if (pageMatches && asidMatches)
                Evict(slot);
        }
    }

    private int Find(ulong vpn, int shift, ushort asid)
    {
        var tag = Tag(vpn, shift);
        var hint = HintOf(vpn, shift);
        var guess = _hints[hint] - 1;
        if (guess >= 0 && _tags[guess] == tag && Matches(guess, vpn, asid))
            return guess;
        if (_entriesPerHint[hint] == 0)
            return -1;

        var set = SetOf(vpn);
        var tags = _tags.AsSpan(set * Ways, Ways);
        for (var start = 0; ;)
        {
            var found = tags[start..].IndexOf(tag);
            if (found < 0)
                return -1;
            var slot = set * Ways + start + found;
            if (Matches(slot, vpn, asid))
            {
                if (_hints[hint] != slot + 1)
                {
                    _hints[hint] = slot + 1;
                    _changes.Bump();
                }
                return slot;
            }
            start += found + 1;
        }
    }

    private bool Matches(int slot, ulong vpn, ushort asid)
    {
        ref readonly var entry = ref _entries[slot];
        return entry.Vpn == vpn && (entry.Global || !AsidTagged || entry.Asid == asid);
    }

    private int HintOf(ulong vpn, int shift) => (int)(vpn ^ ((ulong)shift << 5)) & _hintMask;

    /// <summary>The set's first empty slot, else its least recently used: empty slots are stamped 0, older than any use.</summary>
    private int Victim(int set) => set * Ways + Recency.Oldest(_lastUse.AsSpan(set * Ways, Ways));

    private void Evict(int slot)
    {
        ref readonly var entry = ref _entries[slot];
        _entriesPerHint[HintOf(entry.Vpn, entry.PageShift)]--;
        CountShift(entry.PageShift, -1);
        _tags[slot] = Empty;
        _lastUse[slot] = 0;
        _changes.Bump();
        Count--;
    }

    /// <summary>Counts an entry of the page shift in or out, keeping <see cref="ShiftsPresent"/> to the shifts some entry has.</summary>
    private void CountShift(int shift, int change)
    {
        var count = _entriesPerShift[shift] += change;
        if (count == 0)
            _shiftsPresent &= ~(1UL << shift);
        else
            _shiftsPresent |= 1UL << shift;
    }

    private int SetOf(ulong vpn) => Sets == 1 ? 0 : (int)(vpn % (ulong)Sets);

    private static ulong Tag(ulong vpn, int shift) => (vpn << 6) | (uint)shift;
}
