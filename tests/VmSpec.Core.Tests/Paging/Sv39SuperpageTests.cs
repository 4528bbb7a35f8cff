using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

public sealed class Sv39SuperpageTests
{
    [TestCase(0x4020_0000UL, 0x8020_0000UL, 2UL << 20, 1, 21)]
    [TestCase(0x4000_0000UL, 0x8000_0000UL, 1UL << 30, 2, 30)]
    public void Aligned_superpage_map_makes_one_leaf_and_one_TLB_entry(ulong va, ulong pa, ulong size, int level, int shift)
    {
        var mmu = Sv39(Traced);
        AssertOk(mmu.Map(va, pa, size, UserRwAd));

        var t = mmu.Translate(Access.Read(va + size - 8));

        AssertPa(t, pa + size - 8);
        Assert.That((t.Level, t.PageSize), Is.EqualTo((level, size)));
        Assert.That(t.Walk!.Steps, Has.Count.EqualTo(3 - level));
        Assert.That(mmu.Tlb.Entries.Single().PageShift, Is.EqualTo(shift));
        Assert.That(mmu.TableFrames(0), Is.EqualTo(level == 2 ? 1 : 2), "no table below the superpage");
    }

    [Test]
    public void Superpage_hit_serves_every_base_page_inside_it()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(0x4020_0000, 0x8020_0000, 2UL << 20, UserRwAd));
        mmu.Translate(Access.Read(0x4020_0000));

        var t = mmu.Translate(Access.Read(0x403F_F123));

        Assert.That(t.TlbHit, Is.True);
        AssertPa(t, 0x803F_F123);
    }

    [Test]
    public void Two_MiB_map_with_misaligned_pa_becomes_512_base_pages()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(0x4020_0000, 0x8020_1000, 2UL << 20, UserRwAd));

        var t = mmu.Translate(Access.Read(0x4020_0010));

        AssertPa(t, 0x8020_1010);
        Assert.That(t.Level, Is.Zero);
    }

    [Test]
    public void Base_page_inside_a_superpage_is_refused_and_changes_nothing()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(0x4020_0000, 0x8020_0000, 2UL << 20, UserRwAd));
        var before = mmu.Dump();

        var result = mmu.Map(0x4020_1000, 0x8000_0000, 4096, UserRwAd);

        Assert.That(result.Status, Is.EqualTo(EditStatus.Invalid));
        Assert.That(mmu.Dump(), Is.EqualTo(before));
    }

    [Test]
    public void Superpage_over_an_existing_table_is_refused()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(0x4020_1000, 0x8000_0000, 4096, UserRwAd));

        Assert.That(mmu.Map(0x4020_0000, 0x8020_0000, 2UL << 20, UserRwAd).Status, Is.EqualTo(EditStatus.Invalid));
        AssertPa(mmu.Translate(Access.Read(0x4020_1000)), 0x8000_0000);
    }

    [Test]
    public void Unmap_of_part_of_a_superpage_is_refused_and_of_all_of_it_clears_it()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(0x4020_0000, 0x8020_0000, 2UL << 20, UserRwAd));

        Assert.That(mmu.Unmap(0x4020_0000, 4096).Status, Is.EqualTo(EditStatus.Invalid));
        Assert.That(mmu.FindLeaf(0x4020_0000).Found, Is.True);
        AssertOk(mmu.Unmap(0x4000_0000, 1UL << 30));
        Assert.That(mmu.FindLeaf(0x4020_0000).Found, Is.False);
    }
}
