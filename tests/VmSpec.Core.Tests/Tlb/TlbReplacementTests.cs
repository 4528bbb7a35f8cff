using VmSpec.Core.Tlb;
using static VmSpec.Core.Tests.Tlb.TlbHarness;

namespace VmSpec.Core.Tests.Tlb;

/// <summary>Which entry goes when a set is full: the least recently used one of that set only.</summary>
public sealed class TlbReplacementTests
{
    [Test]
    public void A_full_fully_associative_tlb_evicts_the_least_recently_used()
    {
        var tlb = Filled(new TlbOptions(Entries: 4), Leaf(0x1000), Leaf(0x2000), Leaf(0x3000), Leaf(0x4000));
        tlb.Hits(0x1000);

        tlb.Insert(Leaf(0x5000));

        Assert.That(new ulong[] { 0x1000, 0x2000, 0x3000, 0x4000, 0x5000 }.Select(va => tlb.Hits(va)),
            Is.EqualTo(new[] { true, false, true, true, true }), "0x2000 was used longest ago once 0x1000 was looked up");
    }

    [Test]
    public void Eviction_order_follows_use_not_insertion()
    {
        var tlb = Filled(new TlbOptions(Entries: 3), Leaf(0x1000), Leaf(0x2000), Leaf(0x3000));
        tlb.Hits(0x2000);
        tlb.Hits(0x1000);

        tlb.Insert(Leaf(0x4000));
        tlb.Insert(Leaf(0x5000));

        Assert.That(tlb.Entries.Select(e => e.Vpn).Order(), Is.EqualTo(new ulong[] { 1, 4, 5 }));
    }

    [Test]
    public void Pages_of_one_set_conflict_while_another_set_has_room()
    {
        // 2 sets of 2 ways: even VPNs go to set 0, odd ones to set 1.
        var tlb = Filled(new TlbOptions(Entries: 4, Ways: 2), Leaf(0 << Page), Leaf(2 << Page), Leaf(1 << Page));

        tlb.Insert(Leaf(4 << Page));

        Assert.That(tlb.Count, Is.EqualTo(3), "set 1 still has a free way");
        Assert.That(tlb.Hits(0 << Page), Is.False, "VPN 0 was the least recent of set 0");
        Assert.That(tlb.Hits(2 << Page) && tlb.Hits(4 << Page) && tlb.Hits(1 << Page), Is.True);
    }

    [Test]
    public void Lru_is_kept_per_set()
    {
        var tlb = Filled(new TlbOptions(Entries: 4, Ways: 2), Leaf(0 << Page), Leaf(1 << Page), Leaf(2 << Page), Leaf(3 << Page));
        tlb.Hits(0 << Page);

        tlb.Insert(Leaf(5 << Page));

        Assert.That(tlb.Hits(1 << Page), Is.False, "the older of set 1");
        Assert.That(tlb.Hits(0 << Page) && tlb.Hits(2 << Page) && tlb.Hits(3 << Page), Is.True, "set 0 untouched");
    }
}
