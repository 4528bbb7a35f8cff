using VmSpec.Core.Kernel;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Kernel.TestKernels;

namespace VmSpec.Core.Tests.Kernel;

[TestFixtureSource(typeof(TestKernels), nameof(Kinds))]
public sealed class ProcessIsolationTests(string kind)
{
    [Test]
    public void Same_address_in_two_processes_holds_different_data()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Spawn(2, null).Ok();
        kernel.Sbrk(1, 4096).Ok();
        kernel.Sbrk(2, 4096).Ok();

        kernel.Store(1, DefaultBreak, 8, 0x1111).Ok();
        kernel.Store(2, DefaultBreak, 8, 0x2222).Ok();

        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(0x1111));
        Assert.That(kernel.Load(2, DefaultBreak).Ok(), Is.EqualTo(0x2222));
    }

    [Test]
    public void Each_process_runs_in_its_own_asid_and_a_load_switches_to_it()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Spawn(2, null).Ok();

        kernel.Load(1, kernel.ClockAddress).Ok();
        var first = kernel.Mmu.CurrentAsid;
        kernel.Load(2, kernel.ClockAddress).Ok();

        Assert.That(kernel.RunningPid, Is.EqualTo(2));
        Assert.That(kernel.Mmu.CurrentAsid, Is.Not.EqualTo(first));
        Assert.That(first, Is.Not.Zero, "ASID 0 is the idle space's");
    }

    [Test]
    public void A_new_process_gets_the_lowest_free_asid()
    {
        var kernel = Create(kind);
        foreach (var pid in new[] { 1, 2, 3 })
            kernel.Spawn(pid, null).Ok();
        kernel.Exit(3).Ok();
        kernel.Exit(1).Ok();

        kernel.Spawn(4, null).Ok();
        kernel.Spawn(5, null).Ok();

        Assert.That(kernel.MemoryReport().Select(row => (row.Pid, row.Asid)),
            Is.EqualTo(new[] { (2, (ushort)2), (4, (ushort)1), (5, (ushort)3) }));
    }

    [Test]
    public void A_spawn_refused_for_want_of_a_frame_leaves_its_asid_free()
    {
        // Small enough that the heap can fill RAM: 16 frames on Sv39, 32 on single-level (whose
        // kernel and process take 9 and 8).
        var kernel = Create(kind, ramSize: (kind == MmuKinds.Sv39 ? 16UL : 32UL) * TestKernels.Page);
        kernel.Spawn(1, null).Ok();
        while (kernel.Sbrk(1, (long)TestKernels.Page).IsOk)
        {
        }
        Assert.That(kernel.Free(), Is.Zero);
        kernel.Spawn(2, null).IsError(KernelError.OutOfMemory);

        kernel.Sbrk(1, -(long)(kernel.Sbrk(1, 0).Ok() - DefaultBreak)).Ok();
        kernel.Spawn(3, null).Ok();

        Assert.That(kernel.MemoryReport().Single(row => row.Pid == 3).Asid, Is.EqualTo(2));
    }

    [Test]
    public void A_page_another_process_has_is_not_mapped_here()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Spawn(2, null).Ok();
        var shared = kernel.Mmap(1, 4096, PteFlags.Rw, shared: false).Ok();
        kernel.Store(1, shared, 8, 7).Ok();

        kernel.Load(2, shared).IsSignal(Signal.SIGSEGV);
        Assert.That(kernel.Load(1, shared).Ok(), Is.EqualTo(7));
    }

    [Test]
    public void Exit_returns_data_and_table_frames()
    {
        var kernel = Create(kind);
        var bootUsed = kernel.Used();
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, 10 * 4096).Ok();
        var va = kernel.Mmap(1, 3 * 4096, PteFlags.Rw, shared: true).Ok();
        kernel.Store(1, va + 4096, 8, 1).Ok();
        kernel.Fork(1, 2).Ok();
        kernel.Store(2, DefaultBreak, 8, 2).Ok();

        kernel.Exit(1).Ok();
        kernel.Exit(2).Ok();

        Assert.That(kernel.Used(), Is.EqualTo(bootUsed));
        kernel.AssertOnlyKernelFramesUsed();
    }

    [Test]
    public void Misuse_is_invalid_and_never_throws()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();

        kernel.Spawn(1, null).IsError(KernelError.Invalid);
        kernel.Fork(9, 2).IsError(KernelError.Invalid);
        kernel.Fork(1, 1).IsError(KernelError.Invalid);
        kernel.Exit(9).IsError(KernelError.Invalid);
        kernel.Switch(9).IsError(KernelError.Invalid);
        kernel.Load(9, 0).IsError(KernelError.Invalid);
        kernel.Load(1, DefaultBreak, 3).IsError(KernelError.Invalid);
        kernel.Load(1, ulong.MaxValue - 3, 8).IsError(KernelError.Invalid);
        kernel.Mmap(1, 0, PteFlags.R, false).IsError(KernelError.Invalid);
        kernel.Munmap(1, 0x123, 4096).IsError(KernelError.Invalid);
        kernel.Munmap(1, kernel.ClockAddress, 4096).IsError(KernelError.Invalid);
        kernel.Sbrk(1, -1).IsError(KernelError.Invalid);
        kernel.Spawn(2, kernel.ClockAddress).IsError(KernelError.Invalid);
        Assert.That(kernel.Pids, Is.EquivalentTo(new[] { 1 }), "misuse kills nobody");
    }
}
