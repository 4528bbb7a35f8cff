namespace VmSpec.Core.Kernel;

/// <summary>
/// The user pages in frames, in a ring, with the clock hand of the second-chance policy: a page
/// whose referenced bit is set loses the bit and is passed over once; the first page found clear
/// (and not pinned by a fault in progress) is the victim. Page-table frames and the clock page are
/// never in the ring, so they are never evicted.
/// </summary>
internal sealed class ResidentPages
{
    private readonly LinkedList<Page> _ring = new();
    private LinkedListNode<Page>? _hand;

    public int Count => _ring.Count;

    /// <summary>Adds a page just behind the hand, so it is the last the hand reaches (as a newly loaded page is).</summary>
    public void Add(Page page)
    {
        page.Referenced = true;
        page.RingNode = _hand is null ? _ring.AddLast(page) : _ring.AddBefore(_hand, page);
    }

    public void Remove(Page page)
    {
        if (page.RingNode is not { } node)
            return;
        if (_hand == node)
            _hand = node.Next;
        _ring.Remove(node);
        page.RingNode = null;
    }

    /// <summary>Runs the hand: at most two turns, since the first clears every bit it passes.</summary>
    public Page? ChooseVictim()
    {
        for (var step = 0; step < 2 * _ring.Count; step++)
        {
            _hand ??= _ring.First;
            var page = _hand!.Value;
            _hand = _hand.Next;
            if (page.Pins > 0)
                continue;
            if (page.Referenced)
            {
                page.Referenced = false;
                continue;
            }
            return page;
        }
        return null;
    }
}
