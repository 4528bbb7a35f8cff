using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Samples.Sv48.Tests.Sv48Kit;

namespace VmSpec.Samples.Sv48.Tests;

/// <summary>Map, unmap, protect and raw PTE writes: what they build, and that a refused edit leaves nothing.</summary>
public class EditingTests
{
    [Test]
    public void A_raw_level_3_pte_lands_in_the_root_at_VPN_3()
    {
        var mmu = Mmu();
        Assert.That(mmu.WritePte(0xffff_ff80_0000_0000, 3, 0x1234).IsOk, Is.True);

        Assert.That(mmu.PteAt(Root + 0x1ff * 8), Is.EqualTo(0x1234UL));
    }

    [Test]
    public void A_level_out_of_range_is_refused()
    {
        var mmu = Mmu();

        Assert.That(mmu.WritePte(0, 4, 1).Status, Is.EqualTo(EditStatus.Invalid));
        Assert.That(mmu.WritePte(0, -1, 1).Status, Is.EqualTo(EditStatus.Invalid));
    }

    // A table outside RAM is not missing, so an edit below it has nothing to create: the pointer is in
    // the way. Were the editing descent to step past it, the edit would try to build tables there and
    // be refused for other reasons (out of memory, with no frame free).
    [Test]
    public void An_edit_below_a_table_outside_RAM_is_refused_at_that_pointer()
    {
        var mmu = Mmu(new MachineOptions { RamSize = 4096 });   // the root takes the only frame
        Assert.That(mmu.WritePte(0x1000, 3, Pointer(0x1_0000_0000)).IsOk, Is.True);

        var refused = mmu.WritePte(0x1000, 0, Leaf(Data, UserRw));

        Assert.That(refused.Status, Is.EqualTo(EditStatus.Invalid));
        Assert.That(refused.Message, Does.Contain("outside RAM at level 3"));
    }

    [Test]
    public void A_refused_map_rolls_back_its_tables_and_the_free_list()
    {
        var mmu = Mmu();
        mmu.WritePte(0x20_0000, 1, Leaf(0x8060_0000, UserRw));   // a megapage in the way of the second page
        var free = mmu.Machine.Frames.FreeFrames;
        var frames = mmu.TableFrames(0);

        var refused = mmu.Map(0x1f_f000, Data, 8192, UserRw);

        Assert.That(refused.Status, Is.EqualTo(EditStatus.Invalid));
        Assert.That((mmu.Machine.Frames.FreeFrames, mmu.TableFrames(0)), Is.EqualTo((free, frames)));
        Assert.That(mmu.FindLeaf(0x1f_f000).Found, Is.False);
    }

    [Test]
    public void A_superpage_map_over_a_table_is_refused()
    {
        var mmu = Mmu();
        mmu.Map(0x20_0000, Data, 4096, UserRw);

        Assert.That(mmu.Map(0x20_0000, 0x8060_0000, 2UL << 20, UserRw).Status, Is.EqualTo(EditStatus.Invalid));
    }

    [Test]
    public void Unmap_and_protect_cover_whole_superpages_only()
    {
        var mmu = Mmu();
        mmu.Map(0x4000_0000, 0x4000_0000, 1UL << 30, UserRw);

        Assert.That(mmu.Unmap(0x4000_0000, 4096).Status, Is.EqualTo(EditStatus.Invalid), "cuts the gigapage");
        Assert.That(mmu.Protect(0x4000_0000, 1UL << 30, PteFlags.R).IsOk, Is.True);
        Assert.That(mmu.FindLeaf(0x4000_0000).Pte.Flags & PteFlags.Permissions, Is.EqualTo(PteFlags.R));
        Assert.That(mmu.Unmap(0x4000_0000, 1UL << 30).IsOk, Is.True);
        Assert.That(mmu.FindLeaf(0x4000_0000).Found, Is.False);
    }

    [Test]
    public void Unmap_of_the_whole_low_half_skips_holes_a_table_at_a_time()
    {
        var mmu = Mmu();
        mmu.Map(0x1000, Data, 4096, UserRw);
        mmu.Map(0x7fff_ffff_f000, Data, 4096, UserRw);

        Assert.That(mmu.Unmap(0, 1UL << 47).IsOk, Is.True);
        Assert.That(mmu.FindLeaf(0x1000).Found || mmu.FindLeaf(0x7fff_ffff_f000).Found, Is.False);
    }

    [Test]
    public void Protect_of_a_hole_is_refused()
    {
        var mmu = Mmu();

        Assert.That(mmu.Protect(0x1000, 4096, PteFlags.R).Status, Is.EqualTo(EditStatus.Invalid));
    }

    [Test]
    public void Map_refuses_no_permission_misalignment_and_a_pa_beyond_56_bits()
    {
        var mmu = Mmu();
        Assert.Multiple(() =>
        {
            Assert.That(mmu.Map(0x1000, Data, 4096, PteFlags.U).Status, Is.EqualTo(EditStatus.Invalid));
            Assert.That(mmu.Map(0x1001, Data, 4096, UserRw).Status, Is.EqualTo(EditStatus.Invalid));
            Assert.That(mmu.Map(0x1000, Data + 1, 4096, UserRw).Status, Is.EqualTo(EditStatus.Invalid));
            Assert.That(mmu.Map(0x1000, 1UL << 56, 4096, UserRw).Status, Is.EqualTo(EditStatus.Invalid));
            Assert.That(mmu.Map(0x1000, Data, 0, UserRw).Status, Is.EqualTo(EditStatus.Invalid));
        });
    }
}
