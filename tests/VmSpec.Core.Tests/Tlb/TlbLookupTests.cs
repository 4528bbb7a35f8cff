using VmSpec.Core.Tlb;
using static VmSpec.Core.Tests.Tlb.TlbHarness;

namespace VmSpec.Core.Tests.Tlb;

/// <summary>What a lookup finds: the page, under the right ASID, global entries everywhere, superpages whole.</summary>
public sealed class TlbLookupTests
{
    [Test]
    public void An_empty_tlb_misses_and_an_inserted_page_hits_at_any_offset()
    {
        var tlb = new Core.Tlb.Tlb();
        Assert.That(tlb.Hits(0x4000), Is.False);

        tlb.Insert(Leaf(0x4000));

        Assert.That(tlb.Lookup(0x4ABC), Is.EqualTo(0x8000_4ABCUL));
        Assert.That(tlb.Hits(0x5000), Is.False, "the next page");
    }

    [Test]
    public void The_same_page_in_two_asids_is_two_entries()
    {
        var tlb = Filled(new TlbOptions(), Leaf(0x4000, asid: 1), Leaf(0x4000, asid: 2));

        Assert.That(tlb.Count, Is.EqualTo(2));
        Assert.That(tlb.Lookup(0x4010, asid: 1), Is.EqualTo(PhysicalFor(0x4000, 1) + 0x10));
        Assert.That(tlb.Lookup(0x4010, asid: 2), Is.EqualTo(PhysicalFor(0x4000, 2) + 0x10));
        Assert.That(tlb.Hits(0x4010, asid: 3), Is.False);
    }

    [Test]
    public void A_global_entry_hits_from_every_asid()
    {
        var tlb = Filled(new TlbOptions(), Leaf(0x4000, asid: 1, global: true));

        Assert.That(tlb.Lookup(0x4010, asid: 7), Is.EqualTo(PhysicalFor(0x4000, 1) + 0x10));
    }

    [Test]
    public void Without_asid_tagging_an_entry_hits_from_every_asid_and_one_page_is_one_entry()
    {
        var tlb = Filled(new TlbOptions(AsidTagged: false), Leaf(0x4000, asid: 1));

        Assert.That(tlb.Hits(0x4000, asid: 2), Is.True);

        tlb.Insert(Leaf(0x4000, asid: 2));
        Assert.That(tlb.Count, Is.EqualTo(1));
        Assert.That(tlb.Lookup(0x4000, asid: 1), Is.EqualTo(PhysicalFor(0x4000, 2)), "the later walk replaced the earlier");
    }

    [TestCase(21)]
    [TestCase(30)]
    public void A_superpage_is_one_entry_covering_all_its_small_pages(int shift)
    {
        var va = 3UL << shift;
        var tlb = Filled(new TlbOptions(), Leaf(va, shift: shift));

        Assert.That(tlb.Count, Is.EqualTo(1));
        Assert.That(tlb.Lookup(va + 0x1000), Is.EqualTo(PhysicalFor(va, 0, shift) + 0x1000));
        Assert.That(tlb.Lookup(va + (1UL << shift) - 1), Is.EqualTo(PhysicalFor(va, 0, shift) + (1UL << shift) - 1));
        Assert.That(tlb.Hits(va + (1UL << shift)), Is.False, "the next superpage");
        Assert.That(tlb.Hits(va - 1), Is.False, "the one before");
    }

    [Test]
    public void Reinserting_a_page_replaces_its_entry()
    {
        var tlb = Filled(new TlbOptions(), Leaf(0x4000, asid: 1), Leaf(0x4000, asid: 1) with { PhysicalBase = 0x9000 });

        Assert.That(tlb.Count, Is.EqualTo(1));
        Assert.That(tlb.Lookup(0x4001, asid: 1), Is.EqualTo(0x9001UL));
    }
}
