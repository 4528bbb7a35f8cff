using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

/// <summary>
/// U/S, SUM and MXR as the privileged spec states them, row by row, through both MMUs. Each row is
/// written out from the spec's text rather than computed, so the rule under test is not its own oracle.
/// </summary>
public sealed class PermissionMatrixTests
{
    private const PteFlags A = PteFlags.A | PteFlags.D;

    private static readonly object[] Rows =
    [
        // leaf flags, op, mode, sum, mxr, allowed
        new object[] { PteFlags.R | PteFlags.U, AccessType.Read, PrivilegeMode.User, false, false, true },
        new object[] { PteFlags.R, AccessType.Read, PrivilegeMode.User, false, false, false },
        new object[] { PteFlags.R, AccessType.Read, PrivilegeMode.Supervisor, false, false, true },
        new object[] { PteFlags.R | PteFlags.U, AccessType.Read, PrivilegeMode.Supervisor, false, false, false },
        new object[] { PteFlags.R | PteFlags.U, AccessType.Read, PrivilegeMode.Supervisor, true, false, true },
        new object[] { PteFlags.Rw | PteFlags.U, AccessType.Write, PrivilegeMode.Supervisor, true, false, true },
        new object[] { PteFlags.Rw | PteFlags.U, AccessType.Write, PrivilegeMode.Supervisor, false, false, false },
        new object[] { PteFlags.Rx | PteFlags.U, AccessType.Execute, PrivilegeMode.Supervisor, true, false, false },
        new object[] { PteFlags.Rx, AccessType.Execute, PrivilegeMode.Supervisor, false, false, true },
        new object[] { PteFlags.X | PteFlags.U, AccessType.Read, PrivilegeMode.User, false, false, false },
        new object[] { PteFlags.X | PteFlags.U, AccessType.Read, PrivilegeMode.User, false, true, true },
        new object[] { PteFlags.X, AccessType.Read, PrivilegeMode.Supervisor, false, true, true },
        new object[] { PteFlags.R | PteFlags.U, AccessType.Write, PrivilegeMode.User, false, false, false },
        new object[] { PteFlags.R | PteFlags.U, AccessType.Execute, PrivilegeMode.User, false, true, false },
        new object[] { PteFlags.Rwx | PteFlags.U, AccessType.Execute, PrivilegeMode.User, false, false, true },
    ];

    [TestCaseSource(nameof(Rows))]
    public void Sv39_judges_the_row(PteFlags flags, AccessType op, PrivilegeMode mode, bool sum, bool mxr, bool allowed) =>
        Check(Sv39(), flags, op, mode, sum, mxr, allowed);

    [TestCaseSource(nameof(Rows))]
    public void Single_level_judges_the_row(PteFlags flags, AccessType op, PrivilegeMode mode, bool sum, bool mxr, bool allowed) =>
        Check(SingleLevel(), flags, op, mode, sum, mxr, allowed);

    [TestCase(true, null, true)]
    [TestCase(true, false, false)]
    [TestCase(false, true, true)]
    public void Access_SUM_overrides_the_machine_setting(bool machineSum, bool? accessSum, bool allowed)
    {
        var mmu = Sv39(new MachineOptions { Sv39 = new Sv39Options(Sum: machineSum) });
        AssertOk(mmu.Map(0x1000, Ram, 4096, PteFlags.R | PteFlags.U | A));

        var t = mmu.Translate(new Access(0x1000, AccessType.Read, PrivilegeMode.Supervisor, Sum: accessSum));

        Assert.That(t.IsFault, Is.EqualTo(!allowed), t.ToString());
    }

    [Test]
    public void Machine_MXR_makes_execute_only_pages_readable()
    {
        var mmu = Sv39(new MachineOptions { Sv39 = new Sv39Options(Mxr: true) });
        AssertOk(mmu.Map(0x1000, Ram, 4096, PteFlags.X | PteFlags.U | A));

        AssertPa(mmu.Translate(Access.Read(0x1000)), Ram);
        AssertFault(mmu.Translate(new Access(0x1000, AccessType.Read, Mxr: false)), FaultKind.LoadPageFault, FaultReason.Permission);
    }

    [Test]
    public void TLB_hit_is_judged_again_for_each_access()
    {
        var mmu = Sv39();
        AssertOk(mmu.Map(0x1000, Ram, 4096, PteFlags.R | PteFlags.U | A));
        Assert.That(mmu.Translate(Access.Read(0x1000)).IsFault, Is.False);

        var t = mmu.Translate(Access.Read(0x1000, PrivilegeMode.Supervisor));

        AssertFault(t, FaultKind.LoadPageFault, FaultReason.Permission);
        Assert.That(t.TlbHit, Is.False);
    }

    private static void Check(PagingMmu mmu, PteFlags flags, AccessType op, PrivilegeMode mode, bool sum, bool mxr, bool allowed)
    {
        AssertOk(mmu.Map(0x1000, Ram, 4096, flags | A));

        var t = mmu.Translate(new Access(0x1000, op, mode, sum, mxr));

        if (allowed)
            AssertPa(t, Ram);
        else
            AssertFault(t, Faults.PageFault(op), FaultReason.Permission);
    }
}
