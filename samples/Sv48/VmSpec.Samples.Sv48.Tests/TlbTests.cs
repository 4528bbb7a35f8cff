using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Core.Tlb;
using static VmSpec.Samples.Sv48.Tests.Sv48Kit;

namespace VmSpec.Samples.Sv48.Tests;

/// <summary>The core's TLB in front of the Sv48 walk: hits, stale entries, sfence and ASIDs.</summary>
public class TlbTests
{
    [Test]
    public void A_second_access_hits_and_reads_no_table()
    {
        var mmu = Mmu();
        mmu.Map(0x1000, Data, 4096, UserRw);

        mmu.Read(0x1008);
        var t = mmu.Read(0x1010);

        Assert.That((t.TlbHit, t.PhysicalAddress, t.Walk), Is.EqualTo((true, Data + 0x10, (Walk?)null)));
        Assert.That((mmu.Counters.TlbHits, mmu.Counters.TlbMisses, mmu.Counters.Walks, mmu.Counters.PteReads), Is.EqualTo((1L, 1L, 1L, 4L)));
    }

    [Test]
    public void A_512_GiB_superpage_is_one_entry_for_addresses_far_apart()
    {
        var mmu = Mmu();
        mmu.Map(0xffff_8000_0000_0000, 0x80_0000_0000, Sv48Layout.TerapageSize, UserRw);

        mmu.Read(0xffff_8000_0000_0000);
        var far = mmu.Read(0xffff_807f_ffff_fff8);

        Assert.That((far.TlbHit, far.PhysicalAddress), Is.EqualTo((true, 0xff_ffff_fff8UL)));
        Assert.That(mmu.Tlb.Count, Is.EqualTo(1));
    }

    [TestCase(3, TestName = "G on the level-3 pointer makes the leaf's entry global")]
    [TestCase(1, TestName = "G on the level-1 pointer makes the leaf's entry global")]
    public void G_on_a_pointer_makes_the_mappings_below_it_global(int globalLevel)
    {
        var mmu = Mmu();
        ulong[] tables = [TableA, TableB, TableC];
        for (var level = 3; level > 0; level--)
        {
            var pointer = Pointer(tables[3 - level]) | (level == globalLevel ? (ulong)PteFlags.G : 0);
            Assert.That(mmu.WritePte(0x1000, level, pointer).IsOk, Is.True);
        }
        Assert.That(mmu.WritePte(0x1000, 0, Leaf(Data, UserRw)).IsOk, Is.True);

        mmu.Read(0x1000);

        Assert.That(mmu.Tlb.Entries.Single().Global, Is.True);
    }

    [Test]
    public void A_store_through_a_clean_cached_entry_walks_and_sets_D()
    {
        var mmu = Mmu();
        mmu.Map(0x1000, Data, 4096, UserRw);
        mmu.Read(0x1000);

        var store = mmu.Write(0x1000);

        Assert.That(store.TlbHit, Is.False);
        Assert.That(mmu.FindLeaf(0x1000).Pte.D, Is.True);
        Assert.That(mmu.Write(0x1000).TlbHit, Is.True);
    }

    [Test]
    public void An_unmapped_page_hits_until_sfence()
    {
        var mmu = Mmu();
        mmu.Map(0x1000, Data, 4096, UserRw);
        mmu.Read(0x1000);
        mmu.Unmap(0x1000, 4096);

        Assert.That(mmu.Read(0x1000).TlbHit, Is.True, "stale, as on hardware");
        mmu.Sfence(0x1000, null);
        Assert.That(mmu.Read(0x1000).Reason, Is.EqualTo(FaultReason.Invalid));
    }

    [Test]
    public void Spaces_are_separate_and_the_tagged_TLB_keeps_both()
    {
        var mmu = Mmu();
        mmu.Map(0x1000, Data, 4096, UserRw);
        mmu.Read(0x1000);

        Assert.That(mmu.SwitchAddressSpace(1).IsOk, Is.True);
        Assert.That(mmu.Read(0x1000).Reason, Is.EqualTo(FaultReason.Invalid));
        mmu.SwitchAddressSpace(0);
        Assert.That(mmu.Read(0x1000).TlbHit, Is.True);
    }

    [Test]
    public void An_untagged_TLB_is_flushed_by_a_switch()
    {
        var mmu = Mmu(new VmSpec.Core.MachineOptions { Tlb = new TlbOptions(AsidTagged: false) });
        mmu.Map(0x1000, Data, 4096, UserRw);
        mmu.Read(0x1000);

        mmu.SwitchAddressSpace(1);
        mmu.SwitchAddressSpace(0);

        Assert.That(mmu.Read(0x1000).TlbHit, Is.False);
    }

    [Test]
    public void Destroying_a_space_gives_its_table_frames_back()
    {
        var mmu = Mmu();
        var free = mmu.Machine.Frames.FreeFrames;
        mmu.SwitchAddressSpace(1);
        mmu.Map(0x1000, Data, 4096, UserRw);
        Assert.That(mmu.TableFrames(1), Is.EqualTo(4));
        mmu.SwitchAddressSpace(0);

        Assert.That(mmu.DestroyAddressSpace(1).IsOk, Is.True);
        Assert.That(mmu.Machine.Frames.FreeFrames, Is.EqualTo(free));
        Assert.That(mmu.DestroyAddressSpace(0).Status, Is.EqualTo(EditStatus.Invalid), "the current space stays");
    }
}
