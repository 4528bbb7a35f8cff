using VmSpec.Core.Kernel;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Kernel.TestKernels;

namespace VmSpec.Core.Tests.Kernel;

[TestFixtureSource(typeof(TestKernels), nameof(Kinds))]
public sealed class SignalTests(string kind)
{
    [Test]
    public void An_access_outside_every_mapping_is_sigsegv_and_the_process_is_gone()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Spawn(2, null).Ok();
        kernel.Sbrk(1, 4096).Ok();

        kernel.Load(1, 0x1000).IsSignal(Signal.SIGSEGV);

        Assert.That(kernel.Pids, Is.EquivalentTo(new[] { 2 }));
        Assert.That(kernel.Stats().Faults.Segv, Is.EqualTo(1));
        kernel.Load(1, kernel.ClockAddress).IsError(KernelError.Invalid);
        kernel.Load(2, kernel.ClockAddress).Ok();
    }

    [TestCase(8, TestName = "An 8-byte access ending on the last byte of the address space is sigsegv, not invalid")]
    [TestCase(1, TestName = "A 1-byte access at the last byte of the address space is sigsegv, not invalid")]
    public void An_access_that_reaches_the_last_address_without_wrapping_is_a_fault(int size)
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();

        kernel.Load(1, ulong.MaxValue - (ulong)(size - 1), size).IsSignal(Signal.SIGSEGV);
    }

    [Test]
    public void A_store_to_a_read_only_mapping_is_sigsegv()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        var va = kernel.Mmap(1, 4096, PteFlags.R, false).Ok();
        kernel.Load(1, va).Ok();

        kernel.Store(1, va, 8, 1).IsSignal(Signal.SIGSEGV);
    }

    [Test]
    public void A_fault_with_no_frame_and_no_swap_is_sigkill_and_frees_the_process()
    {
        var kernel = Create(kind, ramSize: 1UL << 20);
        kernel.Spawn(1, null).Ok();
        kernel.Spawn(2, null).Ok();
        var va = kernel.Mmap(1, 1UL << 20, PteFlags.Rw, false).Ok();

        KernelResult result = default;
        for (var page = 0UL; page < 256 && result.Signal == Signal.None; page++)
            result = kernel.Store(1, va + page * 4096, 8, page);

        result.IsSignal(Signal.SIGKILL);
        Assert.That(kernel.Stats().Faults.Kill, Is.EqualTo(1));
        Assert.That(kernel.Pids, Is.EquivalentTo(new[] { 2 }));
        kernel.Exit(2).Ok();
        kernel.AssertOnlyKernelFramesUsed();
    }

    [Test]
    public void A_fork_without_frames_for_the_childs_tables_is_out_of_memory()
    {
        var kernel = Create(kind, ramSize: 1UL << 20);
        kernel.Spawn(1, null).Ok();
        var tablesMade = kind == "sv39" ? 2 : 0;
        kernel.Sbrk(1, (kernel.Free() - tablesMade) * 4096).Ok();

        kernel.Fork(1, 2).IsError(KernelError.OutOfMemory);

        Assert.That(kernel.Free(), Is.Zero);
        Assert.That(kernel.Pids, Is.EquivalentTo(new[] { 1 }));
        kernel.Store(1, DefaultBreak, 8, 1).Ok(); // the parent's page is its own again
    }
}
