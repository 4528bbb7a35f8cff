using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

public sealed class SingleLevelMmuTests
{
    private const ulong Va = 0x1_2345;

    [Test]
    public void Declares_its_kind_features_and_geometry()
    {
        var mmu = SingleLevel(pageSize: 16, vaBits: 12);

        Assert.That((mmu.Kind, mmu.Levels, mmu.PageSize, mmu.TableBytes), Is.EqualTo(("single-level", 1, 16UL, (ulong?)(256 * 8))));
        Assert.That(mmu.Features, Is.EquivalentTo(new[] { MmuFeatures.Asid, MmuFeatures.Svade }));
        Assert.That(mmu.TableFrames(0), Is.EqualTo(1), "a table smaller than a frame takes one frame");
    }

    [Test]
    public void Tiny_pages_translate_ppn_shifted_by_the_page_bits()
    {
        var mmu = SingleLevel(pageSize: 16, vaBits: 12, traceWalks: true);
        AssertOk(mmu.Map(0x120, Ram + 0x30, 32, UserRwAd));

        var t = mmu.Translate(Access.Read(0x13F));

        AssertPa(t, Ram + 0x4F);
        Assert.That((t.Level, t.PageSize, t.Walk!.Steps.Single().Index), Is.EqualTo((0, 16UL, 0x13UL)));
        Assert.That(mmu.Tlb.Entries.Single().PageShift, Is.EqualTo(4));
    }

    [Test]
    public void Address_beyond_va_bits_is_out_of_range_before_any_read()
    {
        var mmu = SingleLevel(vaBits: 32);
        AssertOk(mmu.Map(0xFFFF_F000, Ram, 4096, UserRwAd));

        AssertPa(mmu.Translate(Access.Read(0xFFFF_FFFF)), Ram + 0xFFF);
        var t = mmu.Translate(Access.Read(0x1_0000_0000));

        AssertFault(t, FaultKind.LoadPageFault, FaultReason.OutOfRange, level: -1);
        Assert.That(t.Walk, Is.Null);
        Assert.That(mmu.Counters.PteReads, Is.EqualTo(1));
    }

    [Test]
    public void Empty_entry_is_invalid()
    {
        AssertFault(SingleLevel().Translate(Access.Read(Va)), FaultKind.LoadPageFault, FaultReason.Invalid, level: 0);
    }

    [Test]
    public void Pointer_shape_with_A_is_reserved_before_it_is_no_leaf()
    {
        var mmu = SingleLevel();
        AssertOk(mmu.WritePte(Va, 0, Pte.Pointer(Ram >> 12).Raw | (ulong)PteFlags.A));

        AssertFault(mmu.Translate(Access.Read(Va)), FaultKind.LoadPageFault, FaultReason.Reserved, level: 0);
    }

    [Test]
    public void Reserved_high_bits_fault_and_the_same_leaf_without_them_translates()
    {
        var mmu = SingleLevel();
        AssertOk(mmu.WritePte(Va, 0, Leaf(Ram, UserRwxAd)));
        AssertOk(mmu.WritePte(Va + 0x1000, 0, Leaf(Ram, UserRwxAd) | 1UL << 58));

        AssertPa(mmu.Translate(Access.Read(Va)), Ram + 0x345);
        AssertFault(mmu.Translate(Access.Read(Va + 0x1000)), FaultKind.LoadPageFault, FaultReason.Reserved);
    }

    [Test]
    public void Pointer_shaped_entry_is_no_leaf()
    {
        var mmu = SingleLevel();
        AssertOk(mmu.WritePte(Va, 0, Pte.Pointer(Ram >> 12).Raw));

        AssertFault(mmu.Translate(Access.Read(Va)), FaultKind.LoadPageFault, FaultReason.NoLeaf, level: 0);
    }

    [Test]
    public void Svade_faults_apply_to_the_single_level_table()
    {
        var mmu = SingleLevel(ad: AdMode.Fault);
        AssertOk(mmu.Map(0x1000, Ram, 4096, PteFlags.Rw | PteFlags.U));
        AssertOk(mmu.Map(0x2000, Ram, 4096, PteFlags.Rw | PteFlags.U | PteFlags.A));

        AssertFault(mmu.Translate(Access.Read(0x1000)), FaultKind.LoadPageFault, FaultReason.NotAccessed);
        AssertFault(mmu.Translate(Access.Write(0x2000)), FaultKind.StorePageFault, FaultReason.NotDirty);
        AssertPa(mmu.Translate(Access.Read(0x2000)), Ram);
    }

    [Test]
    public void Only_level_0_exists_for_raw_writes_and_superpage_sizes_make_base_pages()
    {
        var mmu = SingleLevel();
        Assert.That(mmu.WritePte(Va, 1, 1).Status, Is.EqualTo(EditStatus.Invalid));

        AssertOk(mmu.Map(0x20_0000, 0x8020_0000, 2UL << 20, UserRwAd));
        Assert.That(mmu.Translate(Access.Read(0x3F_FFFF)).PageSize, Is.EqualTo(4096UL));
    }

    [Test]
    public void Gigabyte_table_of_a_39_bit_space_is_sparse_in_host_memory()
    {
        var mmu = SingleLevel(vaBits: 39, ramSize: 2UL << 30);
        var memory = mmu.Machine.Memory;

        AssertOk(mmu.Map(0x7F_FFFF_F000, Ram, 4096, UserRwAd));
        AssertOk(mmu.Map(0, Ram + 0x1000, 4096, UserRwAd));

        Assert.That(mmu.TableBytes, Is.EqualTo(1UL << 30));
        Assert.That(mmu.TableFrames(0), Is.EqualTo((1L << 30) / 4096));
        AssertPa(mmu.Translate(Access.Read(0x7F_FFFF_F008)), Ram + 8);
        AssertPa(mmu.Translate(Access.Read(0x10)), Ram + 0x1010);
        Assert.That(memory.BackedBytes, Is.LessThan(4L << 20));
    }

    [Test]
    public void Table_larger_than_RAM_leaves_a_space_without_table_that_faults()
    {
        var mmu = SingleLevel(vaBits: 32, ramSize: 1UL << 20);

        AssertFault(mmu.Translate(Access.Read(Va)), FaultKind.LoadPageFault, FaultReason.Invalid, level: -1);
        Assert.That(mmu.RootOf(0), Is.Null);
        Assert.That(mmu.Map(0x1000, Ram, 4096, UserRwAd).Status, Is.EqualTo(EditStatus.OutOfMemory));
        Assert.That(mmu.SwitchAddressSpace(1).Status, Is.EqualTo(EditStatus.OutOfMemory));
        Assert.That(mmu.Machine.Frames.FreeFrames, Is.EqualTo(mmu.Machine.Frames.TotalFrames));
        Assert.That(mmu.Dump(), Does.Contain("no table"));
    }

    [Test]
    public void Table_that_takes_every_frame_of_RAM_is_still_made()
    {
        // 2^(29 - 12) entries × 8 B = 1 MiB, the whole of RAM.
        var mmu = SingleLevel(vaBits: 29, ramSize: 1UL << 20);

        Assert.That(mmu.RootOf(0), Is.EqualTo((ulong?)Ram));
        Assert.That(mmu.Machine.Frames.FreeFrames, Is.Zero);
        AssertOk(mmu.WritePte(0x1000, 0, Leaf(Ram, UserRwAd)));
        AssertPa(mmu.Translate(Access.Read(0x1008)), Ram + 8);
    }

    [Test]
    public void Each_ASID_gets_its_own_contiguous_table_and_destroy_returns_it()
    {
        var mmu = SingleLevel(pageSize: 4096, vaBits: 24);
        var free = mmu.Machine.Frames.FreeFrames;

        AssertOk(mmu.SwitchAddressSpace(3));
        Assert.That(mmu.Machine.Frames.FreeFrames, Is.EqualTo(free - 8), "4096 entries × 8 B = 8 frames");
        AssertOk(mmu.Map(0x1000, Ram, 4096, UserRwAd));
        AssertOk(mmu.SwitchAddressSpace(0));
        AssertFault(mmu.Translate(Access.Read(0x1000)), FaultKind.LoadPageFault, FaultReason.Invalid);

        AssertOk(mmu.DestroyAddressSpace(3));
        Assert.That(mmu.Machine.Frames.FreeFrames, Is.EqualTo(free));
    }

    [Test]
    public void A_64_bit_space_has_no_address_out_of_range()
    {
        // Its 2^48 entries cannot fit in RAM, so the space has no table: every address is unmapped, none out of range.
        var mmu = SingleLevel(pageSize: 65536, vaBits: 64);

        AssertFault(mmu.Translate(Access.Read(ulong.MaxValue)), FaultKind.LoadPageFault, FaultReason.Invalid, level: -1);
        Assert.That(mmu.Dump(), Is.EqualTo("single-level asid 0 page 64KiB va-bits 64 no table\n"));
    }

    [Test]
    public void Table_size_is_given_up_to_the_largest_that_64_bits_can_count()
    {
        // 2^60 entries of 8 bytes are 2^63 bytes; 2^61 entries would need 2^64.
        Assert.That(SingleLevel(pageSize: 16, vaBits: 64).TableBytes, Is.EqualTo((ulong?)(1UL << 63)));
        Assert.That(SingleLevel(pageSize: 8, vaBits: 64).TableBytes, Is.Null);
    }

    [Test]
    public void Constructor_refuses_an_impossible_geometry()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SingleLevel(pageSize: 24));
        Assert.Throws<ArgumentOutOfRangeException>(() => SingleLevel(pageSize: 4096, vaBits: 11));
    }
}
