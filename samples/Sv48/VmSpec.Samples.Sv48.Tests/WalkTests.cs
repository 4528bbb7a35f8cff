using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Samples.Sv48.Tests.Sv48Kit;

namespace VmSpec.Samples.Sv48.Tests;

/// <summary>The four-level walk: which entry each level reads, and leaves at every level.</summary>
public class WalkTests
{
    // VPN[3] = 1, VPN[2] = 2, VPN[1] = 3, VPN[0] = 4, offset 0x567.
    private const ulong Va = (1UL << 39) | (2UL << 30) | (3UL << 21) | (4UL << 12) | 0x567;

    [Test]
    public void A_base_page_walk_reads_levels_3_to_0_at_each_VPN_field()
    {
        var mmu = Mmu();
        Build(mmu, Va, 0, Leaf(Data, UserRw));

        var t = mmu.Read(Va);

        Assert.That(t.PhysicalAddress, Is.EqualTo(Data + 0x567));
        Assert.That((t.Level, t.PageSize, t.TlbHit), Is.EqualTo((0, 4096UL, false)));
        var steps = t.Walk!.Steps;
        Assert.That(steps.Select(s => s.Level), Is.EqualTo(new[] { 3, 2, 1, 0 }));
        Assert.That(steps.Select(s => s.Index), Is.EqualTo(new ulong[] { 1, 2, 3, 4 }));
        Assert.That(steps.Select(s => s.Address), Is.EqualTo(new[] { Root + 8, TableA + 16, TableB + 24, TableC + 32 }));
        Assert.That(mmu.Counters.PteReads, Is.EqualTo(4));
    }

    [Test]
    public void Map_builds_three_tables_below_the_root_for_a_base_page()
    {
        var mmu = Mmu();
        Assert.That(mmu.Map(Va & ~0xfffUL, Data, 4096, UserRw).IsOk, Is.True);

        Assert.That(mmu.TableFrames(0), Is.EqualTo(4));
        Assert.That(mmu.Read(Va).Walk!.Steps, Has.Count.EqualTo(4));
    }

    // pa is aligned to the page size of the level, and the low bits of va pass through.
    [TestCase(1, 0x8020_0000UL, 0x1f_f567UL, TestName = "2 MiB megapage at level 1")]
    [TestCase(2, 0x8000_0000UL, 0x3fff_f567UL, TestName = "1 GiB gigapage at level 2")]
    [TestCase(3, 0x80_0000_0000UL, 0x7f_ffff_f567UL, TestName = "512 GiB terapage at level 3")]
    public void A_leaf_at_each_level_maps_a_superpage(int level, ulong pa, ulong offset)
    {
        var mmu = Mmu();
        var pageSize = Sv48Layout.PageSizeAt(level);
        var va = 0xffff_8000_0000_0000 + pageSize;   // VPN fields below the leaf are zero
        Build(mmu, va, level, Leaf(pa, UserRw));

        var t = mmu.Read(va + offset);

        Assert.That(t.PhysicalAddress, Is.EqualTo(pa + offset));
        Assert.That((t.Level, t.PageSize), Is.EqualTo((level, pageSize)));
        Assert.That(t.Walk!.Steps.Select(s => s.Level), Is.EqualTo(Enumerable.Range(level, 4 - level).Reverse()));
    }

    [TestCase(1, 3)]
    [TestCase(2, 2)]
    [TestCase(3, 1)]
    public void Map_of_one_aligned_superpage_writes_one_leaf(int level, int tableFrames)
    {
        var mmu = Mmu();
        var size = Sv48Layout.PageSizeAt(level);
        Assert.That(mmu.Map(size, size, size, UserRw).IsOk, Is.True);

        var leaf = mmu.FindLeaf(size + size - 1);
        Assert.That((leaf.Found, leaf.Level, leaf.PageSize), Is.EqualTo((true, level, size)));
        Assert.That(mmu.TableFrames(0), Is.EqualTo(tableFrames));
    }

    [Test]
    public void A_misaligned_superpage_request_falls_back_to_base_pages()
    {
        var mmu = Mmu();
        Assert.That(mmu.Map(0x20_0000, 0x8000_1000, 2UL << 20, UserRw).IsOk, Is.True);

        Assert.That(mmu.FindLeaf(0x20_0000).Level, Is.EqualTo(0));
        Assert.That(mmu.Read(0x3f_ffff).PhysicalAddress, Is.EqualTo(0x8020_0fffUL));
    }
}
