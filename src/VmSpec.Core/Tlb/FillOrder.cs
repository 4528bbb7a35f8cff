namespace VmSpec.Core.Tlb;

/// <summary>
/// Each set's slots in the order they were last filled, oldest first: a ring per set, whose head
/// is the oldest fill. A TLB that misses on every access (a working set larger than it) fills the
/// oldest slot each time, which only moves the head; a fill of any other slot moves that slot to
/// the end, shifting the ones after it, as a scan of the set's stamps would cost anyway.
/// </summary>
internal sealed class FillOrder
{
    private readonly int[] _ring;
    private readonly int[] _heads;
    private readonly int _ways;

    public FillOrder(int sets, int ways)
    {
        _ways = ways;
        _ring = new int[sets * ways];
        for (var slot = 0; slot < _ring.Length; slot++)
            _ring[slot] = slot;
        _heads = new int[sets];
    }

    /// <summary>The slot of the set filled longest ago (or never filled).</summary>
    public int Oldest(int set) => _ring[set * _ways + _heads[set]];

    /// <summary>Records that <paramref name="slot"/>, of <paramref name="set"/>, was just filled: it is now the newest.</summary>
    public void Filled(int set, int slot)
    {
        var start = set * _ways;
        var head = _heads[set];
        if (_ring[start + head] == slot)
        {
            _heads[set] = head + 1 == _ways ? 0 : head + 1;
            return;
        }

        var at = 0;
        while (_ring[start + (head + at) % _ways] != slot)
            at++;
        for (; at < _ways - 1; at++)
            _ring[start + (head + at) % _ways] = _ring[start + (head + at + 1) % _ways];
        _ring[start + (head + _ways - 1) % _ways] = slot;
    }
}
