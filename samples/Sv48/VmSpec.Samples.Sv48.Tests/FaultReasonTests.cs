using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Samples.Sv48.Tests.Sv48Kit;

namespace VmSpec.Samples.Sv48.Tests;

/// <summary>
/// One test per fault reason. Each faulting PTE differs from a translating one only in what the
/// rule looks at (the rest grants the access), so every case would translate if the check were missing.
/// </summary>
public class FaultReasonTests
{
    // VPN[3..0] all zero, so the tables Build makes for va 0 are the ones this address walks.
    private const ulong Va = 0x234;

    [Test]
    public void An_empty_space_faults_invalid_at_the_root()
    {
        var t = Mmu().Read(Va);

        Assert.That((t.Fault, t.Reason, t.Level), Is.EqualTo((FaultKind.LoadPageFault, FaultReason.Invalid, 3)));
    }

    [TestCase(3)]
    [TestCase(2)]
    [TestCase(1)]
    [TestCase(0)]
    public void V_clear_is_invalid_at_every_level_even_with_a_good_leaf_shape(int level)
    {
        var mmu = Mmu();
        Build(mmu, 0, level, Leaf(Data, UserRw | PteFlags.A | PteFlags.D) & ~1UL);

        var t = mmu.Read(Va);

        Assert.That((t.Fault, t.Reason, t.Level), Is.EqualTo((FaultKind.LoadPageFault, FaultReason.Invalid, level)));
    }

    [TestCase(PteFlags.W | PteFlags.X, AccessType.Execute, TestName = "W and X without R, executed")]
    [TestCase(PteFlags.W, AccessType.Write, TestName = "W alone, written")]
    public void W_without_R_is_reserved(PteFlags permissions, AccessType type)
    {
        var mmu = Mmu();
        Build(mmu, 0, 0, Leaf(Data, permissions | Dau));

        var t = mmu.Translate(new Access(Va, type));

        Assert.That((t.Fault, t.Reason, t.Level), Is.EqualTo((Faults.PageFault(type), FaultReason.Reserved, 0)));
    }

    [Test]
    public void W_without_R_at_the_root_is_reserved_not_a_pointer()
    {
        var mmu = Mmu();
        Build(mmu, 0, 0, Leaf(Data, UserRw | PteFlags.A));
        mmu.WritePte(0, 3, Pointer(TableA) | (ulong)PteFlags.W);

        var t = mmu.Read(Va);

        Assert.That((t.Reason, t.Level), Is.EqualTo((FaultReason.Reserved, 3)));
    }

    [TestCase(54)]
    [TestCase(60)]
    [TestCase(61)]
    [TestCase(63)]
    public void A_reserved_high_bit_on_a_leaf_is_reserved(int bit)
    {
        var mmu = Mmu();
        Build(mmu, 0, 0, Leaf(Data, UserRw | PteFlags.A) | (1UL << bit));

        Assert.That(mmu.Read(Va).Reason, Is.EqualTo(FaultReason.Reserved));
    }

    [TestCase(PteFlags.A)]
    [TestCase(PteFlags.D)]
    [TestCase(PteFlags.U)]
    public void A_D_or_U_on_a_level_3_pointer_is_reserved(PteFlags flag)
    {
        var mmu = Mmu();
        Build(mmu, 0, 0, Leaf(Data, UserRw | PteFlags.A));
        mmu.WritePte(0, 3, Pointer(TableA) | (ulong)flag);

        var t = mmu.Read(Va);

        Assert.That((t.Reason, t.Level), Is.EqualTo((FaultReason.Reserved, 3)));
    }

    [Test]
    public void G_on_a_pointer_is_followed()
    {
        var mmu = Mmu();
        Build(mmu, 0, 0, Leaf(Data, UserRw | PteFlags.A));
        mmu.WritePte(0, 3, Pointer(TableA) | (ulong)PteFlags.G);

        Assert.That(mmu.Read(Va).PhysicalAddress, Is.EqualTo(Data + 0x234));
    }

    [Test]
    public void A_pointer_at_level_0_is_no_leaf()
    {
        var mmu = Mmu();
        Build(mmu, 0, 0, Pointer(Data));

        var t = mmu.Read(Va);

        Assert.That((t.Reason, t.Level), Is.EqualTo((FaultReason.NoLeaf, 0)));
    }

    [TestCase(PrivilegeMode.User, PteFlags.R, AccessType.Read, false, false, FaultReason.Permission, TestName = "User reads a supervisor page")]
    [TestCase(PrivilegeMode.User, PteFlags.U | PteFlags.R, AccessType.Write, false, false, FaultReason.Permission, TestName = "User writes a read-only page")]
    [TestCase(PrivilegeMode.User, PteFlags.U | PteFlags.R | PteFlags.W, AccessType.Execute, false, false, FaultReason.Permission, TestName = "User executes a non-executable page")]
    [TestCase(PrivilegeMode.User, PteFlags.U | PteFlags.X, AccessType.Read, false, false, FaultReason.Permission, TestName = "User reads execute-only without MXR")]
    [TestCase(PrivilegeMode.User, PteFlags.U | PteFlags.X, AccessType.Read, false, true, FaultReason.None, TestName = "User reads execute-only with MXR")]
    [TestCase(PrivilegeMode.Supervisor, PteFlags.U | PteFlags.R, AccessType.Read, false, false, FaultReason.Permission, TestName = "Supervisor reads a user page without SUM")]
    [TestCase(PrivilegeMode.Supervisor, PteFlags.U | PteFlags.R, AccessType.Read, true, false, FaultReason.None, TestName = "Supervisor reads a user page with SUM")]
    [TestCase(PrivilegeMode.Supervisor, PteFlags.U | PteFlags.X | PteFlags.R, AccessType.Execute, true, false, FaultReason.Permission, TestName = "Supervisor executes a user page even with SUM")]
    [TestCase(PrivilegeMode.Supervisor, PteFlags.X, AccessType.Execute, false, false, FaultReason.None, TestName = "Supervisor executes a supervisor page")]
    public void Permission_follows_U_SUM_and_MXR(PrivilegeMode mode, PteFlags flags, AccessType type, bool sum, bool mxr, FaultReason expected)
    {
        var mmu = Mmu();
        Build(mmu, 0, 0, Leaf(Data, flags | PteFlags.A | PteFlags.D));

        Assert.That(mmu.Translate(new Access(Va, type, mode, sum, mxr)).Reason, Is.EqualTo(expected));
    }

    [Test]
    public void Sum_and_mxr_come_from_the_machine_unless_the_access_overrides_them()
    {
        var mmu = Mmu(sum: true, mxr: true);
        Build(mmu, 0, 0, Leaf(Data, PteFlags.U | PteFlags.X | PteFlags.A));

        Assert.That(mmu.Read(Va, PrivilegeMode.Supervisor).IsFault, Is.False);
        Assert.That(mmu.Translate(new Access(Va, AccessType.Read, PrivilegeMode.Supervisor, Sum: false)).Reason, Is.EqualTo(FaultReason.Permission));
    }

    // Each PPN field a superpage leaf must have clear, set alone; PPN[level..3] hold the aligned base.
    [TestCase(1, 0)]
    [TestCase(2, 0)]
    [TestCase(2, 1)]
    [TestCase(3, 0)]
    [TestCase(3, 1)]
    [TestCase(3, 2)]
    public void A_superpage_with_a_low_PPN_field_set_is_misaligned(int level, int field)
    {
        var mmu = Mmu();
        var aligned = Sv48Layout.PageSizeAt(level);              // one page of the level's size: aligned
        var pa = aligned + (1UL << (12 + 9 * field));            // PPN[field] = 1
        Build(mmu, 0, level, Leaf(pa, UserRw | PteFlags.A));

        var t = mmu.Read(Va);

        Assert.That((t.Reason, t.Level), Is.EqualTo((FaultReason.MisalignedSuperpage, level)));
    }

    [Test]
    public void Permission_is_judged_before_superpage_alignment()
    {
        var mmu = Mmu();
        Build(mmu, 0, 3, Leaf(Sv48Layout.TerapageSize + 0x1000, PteFlags.R | PteFlags.A));   // supervisor-only and misaligned

        Assert.That(mmu.Read(Va).Reason, Is.EqualTo(FaultReason.Permission));
    }

    [Test]
    public void Under_svade_A_clear_is_not_accessed_for_every_access_type()
    {
        var mmu = Mmu(AdMode.Fault);
        Build(mmu, 0, 0, Leaf(Data, UserRw | PteFlags.X));

        Assert.That(new[] { mmu.Read(Va), mmu.Write(Va), mmu.Execute(Va) }.Select(t => (t.Fault, t.Reason)), Is.EqualTo(new[]
        {
            (FaultKind.LoadPageFault, FaultReason.NotAccessed),
            (FaultKind.StorePageFault, FaultReason.NotAccessed),
            (FaultKind.InstructionPageFault, FaultReason.NotAccessed),
        }));
    }

    [Test]
    public void Under_svade_a_store_to_a_clean_page_is_not_dirty_and_a_read_succeeds()
    {
        var mmu = Mmu(AdMode.Fault);
        Build(mmu, 0, 0, Leaf(Data, UserRw | PteFlags.A));

        Assert.That(mmu.Write(Va).Reason, Is.EqualTo(FaultReason.NotDirty));
        Assert.That(mmu.Read(Va).PhysicalAddress, Is.EqualTo(Data + 0x234));
        Assert.That(mmu.PteAt(TableC), Is.EqualTo(Leaf(Data, UserRw | PteFlags.A)), "Svade never writes the PTE");
    }

    [Test]
    public void Hardware_AD_sets_A_on_a_read_and_D_on_a_write_in_memory()
    {
        var mmu = Mmu();
        Build(mmu, 0, 0, Leaf(Data, UserRw));

        mmu.Read(Va);
        Assert.That(mmu.PteAt(TableC), Is.EqualTo(Leaf(Data, UserRw | PteFlags.A)));
        mmu.Write(Va);
        Assert.That(mmu.PteAt(TableC), Is.EqualTo(Leaf(Data, UserRw | PteFlags.A | PteFlags.D)));
    }

    [Test]
    public void A_table_outside_RAM_is_an_access_fault_at_the_level_read()
    {
        var mmu = Mmu();
        mmu.WritePte(Va, 3, Pointer(0x1_0000_0000));

        var t = mmu.Write(Va);

        Assert.That((t.Fault, t.Reason, t.Level), Is.EqualTo((FaultKind.StoreAccessFault, FaultReason.OutsideRam, 2)));
    }

    [Test]
    public void When_RAM_runs_out_new_spaces_and_tables_are_refused_and_nothing_throws()
    {
        // One frame of RAM: the root of ASID 0 takes it.
        var mmu = Mmu(new MachineOptions { RamSize = 4096 });

        Assert.That(mmu.SwitchAddressSpace(1).Status, Is.EqualTo(EditStatus.OutOfMemory));
        Assert.That(mmu.Map(0x1000, Data, 4096, UserRw).Status, Is.EqualTo(EditStatus.OutOfMemory), "no frame for the level-2 table");
        Assert.That((mmu.Read(Va).Reason, mmu.Read(Va).Level), Is.EqualTo((FaultReason.Invalid, 3)));
    }

    [Test]
    public void A_space_without_a_root_faults_invalid_before_any_read()
    {
        var machine = new Machine(new MachineOptions { RamSize = 4096 });
        machine.Frames.TryAlloc(out _);
        var mmu = new Sv48Mmu(machine);

        Assert.That((mmu.Read(Va).Reason, mmu.Read(Va).Level), Is.EqualTo((FaultReason.Invalid, -1)));
        Assert.That(mmu.WritePte(Va, 0, 0).Status, Is.EqualTo(EditStatus.OutOfMemory));
        Assert.That(mmu.Dump(), Is.EqualTo("sv48 asid 0 no root table\n"));
    }
}
