using VmSpec.Core.Memory;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

public sealed class TableEditingTests
{
    private const ulong Va = 0x4000_1000;

    [Test]
    public void Map_out_of_memory_leaves_free_frames_and_their_order_unchanged()
    {
        // 8 frames: the root takes one; keep one free, so a map needing two tables cannot finish.
        static Sv39Mmu Starved()
        {
            var mmu = Sv39(new MachineOptions { RamSize = 8 * PhysicalMemory.FrameSize });
            while (mmu.Machine.Frames.FreeFrames > 1)
                mmu.Machine.Frames.TryAlloc(out _);
            return mmu;
        }
        var starved = Starved();
        var untouched = Starved();
        var dump = starved.Dump();

        var result = starved.Map(Va, Ram, 4096, UserRwAd);

        Assert.That(result.Status, Is.EqualTo(EditStatus.OutOfMemory));
        Assert.That(starved.Machine.Frames.FreeFrames, Is.EqualTo(1));
        Assert.That(starved.TableFrames(0), Is.EqualTo(1));
        Assert.That(starved.Dump(), Is.EqualTo(dump));
        Assert.That(NextFrame(starved), Is.EqualTo(NextFrame(untouched)));
    }

    [Test]
    public void Map_of_one_leaf_more_than_an_edit_may_write_is_refused_before_anything_is_taken()
    {
        var mmu = Sv39();
        var dump = mmu.Dump();

        // Without the limit this map would run until RAM ran out and then roll back: out-of-memory.
        var result = mmu.Map(0, Ram, (PagingMmu.MaxEntriesPerEdit + 1) * 4096, UserRwAd);

        Assert.That(result.Status, Is.EqualTo(EditStatus.Invalid), result.ToString());
        Assert.That(mmu.TableFrames(0), Is.EqualTo(1));
        Assert.That(mmu.Dump(), Is.EqualTo(dump));
    }

    [Test]
    public void Map_of_many_pages_rolls_back_every_table_when_a_later_one_fails()
    {
        var mmu = Sv39(new MachineOptions { RamSize = 8 * PhysicalMemory.FrameSize });
        var free = mmu.Machine.Frames.FreeFrames;

        // 4 MiB at a 1 MiB offset spans three level-0 tables plus one level-1 table: 4 frames, 7 are free...
        // ...so starve it to 3 and the last table fails after the others were taken.
        while (mmu.Machine.Frames.FreeFrames > 3)
            mmu.Machine.Frames.TryAlloc(out _);
        free = mmu.Machine.Frames.FreeFrames;

        Assert.That(mmu.Map(0x10_0000, Ram, 4UL << 20, UserRwAd).Status, Is.EqualTo(EditStatus.OutOfMemory));
        Assert.That(mmu.Machine.Frames.FreeFrames, Is.EqualTo(free));
        Assert.That(mmu.FindLeaf(0x10_0000).Found, Is.False);
    }

    [Test]
    public void WritePte_follows_a_malformed_raw_pointer_and_creates_only_missing_tables()
    {
        var mmu = Sv39();
        const ulong authorTable = Ram + 0x10_0000;
        // Free, so it holds the free list's link where the walk for Va looks: empty it first.
        mmu.Machine.Memory.ZeroFrame(authorTable);
        var rawPointer = Pte.Pointer(authorTable >> 12).Raw | (ulong)PteFlags.A;
        AssertOk(mmu.WritePte(Va, 2, rawPointer));

        AssertOk(mmu.WritePte(Va, 0, Leaf(Ram, UserRwAd)));

        var level1 = new Pte(ReadPte(mmu, authorTable));
        Assert.That(PteShapeIsPointer(level1), Is.True, "the level-1 entry was made inside the author's table");
        Assert.That(ReadPte(mmu, (level1.Ppn << 12) + 8), Is.EqualTo(Leaf(Ram, UserRwAd)));
        Assert.That(mmu.TableFrames(0), Is.EqualTo(2), "root plus one new level-0 table");
        AssertFault(mmu.Translate(Access.Read(Va)), FaultKind.LoadPageFault, FaultReason.Reserved, level: 2);
    }

    [TestCase(0x1000UL, TestName = "WritePte below a pointer outside RAM is invalid")]
    [TestCase(0x8020_0000UL, TestName = "WritePte below a superpage leaf is invalid")]
    public void WritePte_refuses_what_is_in_the_way(ulong pa)
    {
        var mmu = Sv39();
        var inTheWay = pa < Ram ? Pte.Pointer(pa >> 12).Raw : Leaf(pa, UserRwAd);
        AssertOk(mmu.WritePte(Va, 1, inTheWay));
        var frames = mmu.Machine.Frames.FreeFrames;

        Assert.That(mmu.WritePte(Va, 0, Leaf(Ram, UserRwAd)).Status, Is.EqualTo(EditStatus.Invalid));
        Assert.That(mmu.Machine.Frames.FreeFrames, Is.EqualTo(frames));
    }

    [TestCase(0x0000_0040_0000_0000UL, 0)]
    [TestCase(0x1000UL, 3)]
    [TestCase(0x1000UL, -1)]
    public void WritePte_refuses_impossible_requests(ulong va, int level)
    {
        Assert.That(Sv39().WritePte(va, level, 1).Status, Is.EqualTo(EditStatus.Invalid));
    }

    [TestCase(0x1001UL, 0x8000_0000UL, 4096UL, PteFlags.R)]
    [TestCase(0x1000UL, 0x8000_0800UL, 4096UL, PteFlags.R)]
    [TestCase(0x1000UL, 0x8000_0000UL, 0UL, PteFlags.R)]
    [TestCase(0x1000UL, 0x8000_0000UL, 4096UL, PteFlags.U)]
    [TestCase(0x3F_FFFF_F000UL, 0x8000_0000UL, 8192UL, PteFlags.R)]
    [TestCase(0x1000UL, 0x8000_0000UL, 1UL << 40, PteFlags.R)]
    public void Map_refuses_impossible_requests(ulong va, ulong pa, ulong size, PteFlags flags)
    {
        var mmu = Sv39();
        Assert.That(mmu.Map(va, pa, size, flags).Status, Is.EqualTo(EditStatus.Invalid));
        Assert.That(mmu.TableFrames(0), Is.EqualTo(1));
    }

    [Test]
    public void Protect_replaces_permissions_and_keeps_A_D_G()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(Va, Ram, 8192, UserRwAd | PteFlags.G));

        AssertOk(mmu.Protect(Va, 8192, PteFlags.R | PteFlags.X));

        Assert.That(mmu.FindLeaf(Va + 4096).Pte.Flags, Is.EqualTo(PteFlags.V | PteFlags.Rx | PteFlags.G | PteFlags.A | PteFlags.D));
    }

    [Test]
    public void Protect_over_a_hole_is_refused_and_changes_nothing()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(Va, Ram, 4096, UserRwAd));

        Assert.That(mmu.Protect(Va, 8192, PteFlags.R).Status, Is.EqualTo(EditStatus.Invalid));
        Assert.That(mmu.FindLeaf(Va).Pte.W, Is.True);
    }

    [Test]
    public void Unmap_clears_leaves_over_holes_and_keeps_tables()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(Va, Ram, 4096, UserRwAd));
        AssertOk(mmu.Map(0x40_0000_0000 - 0x1000, Ram, 4096, UserRwAd));

        AssertOk(mmu.Unmap(0, 0x40_0000_0000));

        Assert.That(mmu.FindLeaf(Va).Found, Is.False);
        Assert.That(mmu.FindLeaf(0x40_0000_0000 - 0x1000).Found, Is.False);
        Assert.That(mmu.TableFrames(0), Is.EqualTo(5));
    }

    [Test]
    public void Unmap_across_the_non_canonical_hole_is_refused()
    {
        var mmu = Sv39();
        const ulong lowTop = 0x3F_FFFF_F000;

        var result = mmu.Unmap(lowTop, 0xFFFF_FFC0_0000_1000 - lowTop);

        Assert.That(result.Status, Is.EqualTo(EditStatus.Invalid));
    }

    [Test]
    public void FindLeaf_has_no_side_effects()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(Va, Ram, 4096, PteFlags.R | PteFlags.U));

        var leaf = mmu.FindLeaf(Va + 5);

        Assert.That((leaf.Found, leaf.Level, leaf.PageSize, leaf.Pte.A), Is.EqualTo((true, 0, 4096UL, false)));
        Assert.That(mmu.Counters.Walks + mmu.Counters.PteReads + mmu.Tlb.Count, Is.Zero);
    }

    [Test]
    public void Destroy_frees_exactly_the_space_own_tables_even_with_a_raw_pointer_to_a_foreign_frame()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(Va, Ram, 4096, UserRwAd));
        var rootOfZero = mmu.RootOf(0)!.Value;
        var free = mmu.Machine.Frames.FreeFrames;
        AssertOk(mmu.SwitchAddressSpace(1));
        AssertOk(mmu.Map(Va, Ram, 4096, UserRwAd));
        AssertOk(mmu.WritePte(0x8000_0000, 2, Pte.Pointer(rootOfZero >> 12).Raw));
        Assert.That(mmu.TableFrames(1), Is.EqualTo(3));

        Assert.That(mmu.DestroyAddressSpace(1).Status, Is.EqualTo(EditStatus.Invalid), "the current space");
        AssertOk(mmu.SwitchAddressSpace(0));
        AssertOk(mmu.DestroyAddressSpace(1));

        Assert.That(mmu.Machine.Frames.FreeFrames, Is.EqualTo(free));
        Assert.That(mmu.Machine.Frames.IsFree(rootOfZero), Is.False);
        Assert.That(mmu.TableFrames(1), Is.Zero);
        mmu.Sfence(null, null);
        AssertPa(mmu.Translate(Access.Read(Va)), Ram);
        Assert.That(mmu.DestroyAddressSpace(1).Status, Is.EqualTo(EditStatus.Invalid), "already gone");
    }

    [Test]
    public void Switch_without_a_free_frame_is_out_of_memory()
    {
        var mmu = Sv39(new MachineOptions { RamSize = 2 * PhysicalMemory.FrameSize });
        mmu.Machine.Frames.TryAlloc(out _);

        Assert.That(mmu.SwitchAddressSpace(7).Status, Is.EqualTo(EditStatus.OutOfMemory));
        Assert.That(mmu.CurrentAsid, Is.Zero);
    }

    private static ulong NextFrame(IPagingMmu mmu) => mmu.Machine.Frames.TryAlloc(out var frame) ? frame : 0;

    private static bool PteShapeIsPointer(Pte pte) => pte.V && !pte.IsLeaf && !pte.W;
}
