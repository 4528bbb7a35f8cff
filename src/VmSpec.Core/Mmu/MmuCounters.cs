namespace VmSpec.Core.Mmu;

/// <summary>
/// What translating has cost so far. A TLB hit is an access the TLB answered; every other access
/// that gets past the address check is a miss (one the tables cannot hold counts nothing), and a
/// miss that reads tables is a walk.
/// </summary>
public sealed class MmuCounters
{
    public long TlbHits { get; set; }

    public long TlbMisses { get; set; }

    public long Walks { get; set; }

    public long PteReads { get; set; }

    /// <summary>The TLB hit ratio α of the notes' effective access time.</summary>
    public double HitRatio => TlbHits + TlbMisses == 0 ? 0 : (double)TlbHits / (TlbHits + TlbMisses);

    public void Reset() => TlbHits = TlbMisses = Walks = PteReads = 0;
}
