using System.Runtime.CompilerServices;
using VmSpec.Core.Memory;
using VmSpec.Core.Paging;

namespace VmSpec.Benchmarks;

/// <summary>
/// The least a TLB miss can do over the memory and tables <see cref="Sv39Mmu"/> walks: look the
/// page up among 16 tags, read three PTEs and follow each pointer by one test, test the leaf for
/// V, R and A, pick the least recently used slot, fill it, and read the data. It has no ASIDs,
/// superpages, privilege modes, SUM or MXR, no A/D write-back, no counters and no result beyond
/// the value; a fault is <see cref="ulong.MaxValue"/>. It is not an MMU: it bounds from below what
/// any MMU's miss path can cost on this machine, so a target for the real one can be judged.
/// </summary>
internal sealed class BareMissPath(PhysicalMemory memory, ulong root)
{
    private const int Entries = 16;
    private const int PageShift = 12;
    private const ulong PageMask = (1UL << PageShift) - 1;
    private const ulong LeafBits = (ulong)(PteFlags.V | PteFlags.R | PteFlags.A);

    // A page's tag is its VPN plus one, so a zeroed slot is empty.
    private readonly ulong[] _tags = new ulong[Entries];
    private readonly ulong[] _frames = new ulong[Entries];
    private readonly long[] _lastUse = new long[Entries];
    private long _clock;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong Load(ulong va)
    {
        var tag = (va >> PageShift) + 1;
        var slot = Array.IndexOf(_tags, tag);
        if (slot < 0)
        {
            var frame = Walk(va);
            if (frame == ulong.MaxValue)
                return ulong.MaxValue;
            slot = LeastRecentlyUsed();
            _tags[slot] = tag;
            _frames[slot] = frame;
        }
        _lastUse[slot] = ++_clock;
        memory.TryReadUInt64(_frames[slot] | (va & PageMask), out var value);
        return value;
    }

    private ulong Walk(ulong va)
    {
        var table = root;
        for (var level = 2; ; level--)
        {
            if (!memory.TryReadUInt64(table + ((va >> (PageShift + 9 * level)) & 511) * Pte.Size, out var raw))
                return ulong.MaxValue;
            var pte = new Pte(raw);
            if (level > 0 && PteShape.IsUsablePointer(raw))
            {
                table = pte.Ppn << PageShift;
                continue;
            }
            return (raw & LeafBits) == LeafBits ? pte.Ppn << PageShift : ulong.MaxValue;
        }
    }

    private int LeastRecentlyUsed()
    {
        var oldest = 0;
        for (var i = 1; i < Entries; i++)
            oldest = _lastUse[i] < _lastUse[oldest] ? i : oldest;
        return oldest;
    }
}
