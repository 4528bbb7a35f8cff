using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

/// <summary>
/// Every fault reason the Sv39 walk reports, each beside a control that translates, so that
/// deleting the check makes the fault case translate and the test go red.
/// </summary>
public sealed class Sv39FaultReasonTests
{
    private const ulong Va = 0x4000_1234;
    private const ulong Frame = Ram + 0x10_0000;

    [TestCase(0x0000_0040_0000_0000UL)]
    [TestCase(0x8000_0000_0000_0000UL)]
    [TestCase(0xFFFF_FFBF_FFFF_F000UL)]
    public void Non_canonical_address_faults_before_any_read(ulong va)
    {
        var mmu = Sv39();

        var t = mmu.Translate(Access.Read(va));

        AssertFault(t, FaultKind.LoadPageFault, FaultReason.NonCanonical, level: -1);
        Assert.That(t.Walk, Is.Null);
        Assert.That(mmu.Counters.PteReads + mmu.Counters.Walks, Is.Zero);
    }

    [Test]
    public void Canonical_high_half_address_translates()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(0xFFFF_FFC0_0000_0000, Frame, 4096, UserRwAd));

        AssertPa(mmu.Translate(Access.Read(0xFFFF_FFC0_0000_0010)), Frame + 0x10);
    }

    [Test]
    public void Empty_root_entry_is_invalid_at_level_2()
    {
        var mmu = Sv39(Traced);

        var t = mmu.Translate(Access.Read(Va));

        AssertFault(t, FaultKind.LoadPageFault, FaultReason.Invalid, level: 2);
        Assert.That(t.Walk!.Steps, Has.Count.EqualTo(1));
    }

    [Test]
    public void Neighbour_of_a_mapped_page_is_invalid_at_level_0_after_three_reads()
    {
        var mmu = Sv39(Traced);
        AssertOk(mmu.Map(0x4000_0000, Frame, 4096, UserRwAd));

        var t = mmu.Translate(Access.Write(Va));

        AssertFault(t, FaultKind.StorePageFault, FaultReason.Invalid, level: 0);
        Assert.That(t.Walk!.Steps.Select(s => s.Level), Is.EqualTo(new[] { 2, 1, 0 }));
    }

    [TestCase(54)]
    [TestCase(61)]
    [TestCase(63)]
    public void Reserved_high_bit_on_a_leaf_faults(int bit)
    {
        var mmu = Sv39();
        AssertOk(mmu.WritePte(Va, 0, Leaf(Frame, UserRwxAd) | 1UL << bit));

        AssertFault(mmu.Translate(Access.Read(Va)), FaultKind.LoadPageFault, FaultReason.Reserved, level: 0);
    }

    [TestCase(PteFlags.A)]
    [TestCase(PteFlags.D)]
    [TestCase(PteFlags.U)]
    public void A_D_or_U_on_a_pointer_is_reserved(PteFlags bit)
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(0x4000_0000, Frame, 4096, UserRwAd));
        var rootEntry = mmu.RootOf(0)!.Value + 1 * 8;
        Assert.That(mmu.Translate(Access.Read(0x4000_0000)).IsFault, Is.False, "control: the path translates");
        mmu.Sfence(null, null);

        mmu.Machine.Memory.TryWriteUInt64(rootEntry, ReadPte(mmu, rootEntry) | (ulong)bit);

        AssertFault(mmu.Translate(Access.Read(0x4000_0000)), FaultKind.LoadPageFault, FaultReason.Reserved, level: 2);
    }

    [Test]
    public void Pointer_at_level_0_is_no_leaf()
    {
        var mmu = Sv39();
        AssertOk(mmu.WritePte(Va, 0, Pte.Pointer(Frame >> 12).Raw));

        AssertFault(mmu.Translate(Access.Read(Va)), FaultKind.LoadPageFault, FaultReason.NoLeaf, level: 0);
    }

    [Test]
    public void Reading_an_execute_only_page_is_a_permission_fault_and_fetching_it_is_not()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(0x4000_1000, Frame, 4096, PteFlags.X | PteFlags.U));

        AssertFault(mmu.Translate(Access.Read(Va)), FaultKind.LoadPageFault, FaultReason.Permission, level: 0);
        AssertPa(mmu.Translate(Access.Execute(Va)), Frame + 0x234);
    }

    [TestCase(1, 0x8020_1000UL, TestName = "Megapage with PPN[0] set is misaligned")]
    [TestCase(2, 0x8020_0000UL, TestName = "Gigapage with PPN[1] set is misaligned")]
    [TestCase(2, 0x8000_1000UL, TestName = "Gigapage with PPN[0] set is misaligned")]
    public void Misaligned_superpage_faults(int level, ulong pa)
    {
        var mmu = Sv39();
        AssertOk(mmu.WritePte(Va, level, Leaf(pa, UserRwAd)));

        AssertFault(mmu.Translate(Access.Read(Va)), FaultKind.LoadPageFault, FaultReason.MisalignedSuperpage, level);
    }

    [TestCase(1, 0x8020_0000UL, 0x8020_1234UL)]
    [TestCase(2, 0x8000_0000UL, 0x8000_1234UL)]
    public void Aligned_superpage_leaf_written_raw_translates(int level, ulong pa, ulong expected)
    {
        var mmu = Sv39();
        AssertOk(mmu.WritePte(Va, level, Leaf(pa, UserRwAd)));

        AssertPa(mmu.Translate(Access.Read(Va)), expected);
    }

    [Test]
    public void Svade_read_of_a_page_without_A_is_not_accessed()
    {
        var mmu = Sv39(AdMode.Fault);
        AssertOk(mmu.Map(0x4000_1000, Frame, 4096, PteFlags.R | PteFlags.W | PteFlags.U));

        AssertFault(mmu.Translate(Access.Read(Va)), FaultKind.LoadPageFault, FaultReason.NotAccessed, level: 0);
    }

    [Test]
    public void Svade_store_without_A_or_D_reports_A_first()
    {
        var mmu = Sv39(AdMode.Fault);
        AssertOk(mmu.Map(0x4000_1000, Frame, 4096, PteFlags.R | PteFlags.W | PteFlags.U));

        AssertFault(mmu.Translate(Access.Write(Va)), FaultKind.StorePageFault, FaultReason.NotAccessed, level: 0);
    }

    [Test]
    public void Svade_store_to_a_clean_page_is_not_dirty_while_a_read_succeeds()
    {
        var mmu = Sv39(AdMode.Fault);
        AssertOk(mmu.Map(0x4000_1000, Frame, 4096, PteFlags.R | PteFlags.W | PteFlags.U | PteFlags.A));

        AssertPa(mmu.Translate(Access.Read(Va)), Frame + 0x234);
        AssertFault(mmu.Translate(Access.Write(Va)), FaultKind.StorePageFault, FaultReason.NotDirty, level: 0);
    }

    [TestCase(AccessType.Read, FaultKind.LoadAccessFault)]
    [TestCase(AccessType.Write, FaultKind.StoreAccessFault)]
    [TestCase(AccessType.Execute, FaultKind.InstructionAccessFault)]
    public void Pointer_to_a_table_outside_RAM_is_an_access_fault_of_the_access_type(AccessType type, FaultKind kind)
    {
        var mmu = Sv39(Traced);
        AssertOk(mmu.WritePte(Va, 2, Pte.Pointer(0x1000 >> 12).Raw));

        var t = mmu.Translate(new Access(Va, type));

        AssertFault(t, kind, FaultReason.OutsideRam, level: 1);
        Assert.That(t.Walk!.Steps, Has.Count.EqualTo(1), "only the root entry was read");
    }

    [Test]
    public void Successful_walk_records_each_entry_it_read()
    {
        var mmu = Sv39(Traced);
        AssertOk(mmu.Map(0x4000_1000, Frame, 4096, UserRwAd));

        var t = mmu.Translate(Access.Read(Va));

        AssertPa(t, Frame + 0x234);
        var steps = t.Walk!.Steps;
        Assert.That(steps.Select(s => (s.Level, s.Index)), Is.EqualTo(new[] { (2, 1UL), (1, 0UL), (0, 1UL) }));
        Assert.That(steps[0].Address, Is.EqualTo(mmu.RootOf(0)!.Value + 8));
        Assert.That(steps[2].Value, Is.EqualTo(Leaf(Frame, UserRwAd)));
        Assert.That(mmu.Counters.PteReads, Is.EqualTo(3));
    }
}
