using System.Numerics;
using VmSpec.Core.Tlb;

namespace VmSpec.Core.Tests.Tlb;

/// <summary>
/// The TLB as it was before its lookups and replacement were tuned, kept as the model the tuned
/// one must agree with entry for entry. A translation lookaside buffer of <c>sets × ways</c>
/// entries (one set of all entries when fully associative), least-recently-used replacement
/// within a set, entries tagged by ASID and the global bit. The set of a page is picked by the low bits of its VPN at its own page size.
/// It holds only what the MMU inserts: a stale entry hits until it is flushed, as on hardware.
/// </summary>
internal sealed class ReferenceTlb
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
    private ulong _shiftsPresent;
    private long _clock;

    public ReferenceTlb(TlbOptions? options = null)
    {
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
    }

    public int Capacity => _tags.Length;

    public int Sets { get; }

    public int Ways { get; }

    public bool AsidTagged { get; }

    public int Count { get; private set; }

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
        for (var shifts = _shiftsPresent; shifts != 0; shifts &= shifts - 1)
        {
            var shift = BitOperations.TrailingZeroCount(shifts);
            var slot = Find(va >> shift, shift, asid);
            if (slot >= 0)
            {
                _lastUse[slot] = ++_clock;
                entry = _entries[slot];
                return true;
            }
        }
        entry = default;
        return false;
    }

    /// <summary>Caches a leaf, replacing an entry for the same page and ASID, else an empty slot, else the set's least recently used.</summary>
    public void Insert(in TlbEntry entry)
    {
        var slot = Find(entry.Vpn, entry.PageShift, entry.Asid);
        if (slot < 0)
            slot = Victim(SetOf(entry.Vpn));
        if (_tags[slot] != Empty)
            Evict(slot);

        _tags[slot] = Tag(entry.Vpn, entry.PageShift);
        _entries[slot] = entry;
        _hints[HintOf(entry.Vpn, entry.PageShift)] = slot + 1;
        _lastUse[slot] = ++_clock;
        Count++;
        if (_entriesPerShift[entry.PageShift]++ == 0)
            _shiftsPresent |= 1UL << entry.PageShift;
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
                _hints[hint] = slot + 1;
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

    private int Victim(int set)
    {
        var first = set * Ways;
        var victim = first;
        for (var slot = first; slot < first + Ways; slot++)
        {
            if (_tags[slot] == Empty)
                return slot;
            if (_lastUse[slot] < _lastUse[victim])
                victim = slot;
        }
        return victim;
    }

    private void Evict(int slot)
    {
        var shift = _entries[slot].PageShift;
        if (--_entriesPerShift[shift] == 0)
            _shiftsPresent &= ~(1UL << shift);
        _tags[slot] = Empty;
        Count--;
    }

    private int SetOf(ulong vpn) => Sets == 1 ? 0 : (int)(vpn % (ulong)Sets);

    private static ulong Tag(ulong vpn, int shift) => (vpn << 6) | (uint)shift;
}
