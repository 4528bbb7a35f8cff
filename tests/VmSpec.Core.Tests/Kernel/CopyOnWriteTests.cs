using VmSpec.Core.Kernel;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Kernel.TestKernels;
using OsKernel = VmSpec.Core.Kernel.Kernel;

namespace VmSpec.Core.Tests.Kernel;

[TestFixtureSource(typeof(TestKernels), nameof(Kinds))]
public sealed class CopyOnWriteTests(string kind)
{
    [Test]
    public void Fork_shares_frames_and_takes_write_permission_from_both()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, 4096).Ok();
        kernel.Store(1, DefaultBreak, 8, 42).Ok();
        var before = kernel.Used();

        kernel.Fork(1, 2).Ok();

        var childTables = kernel.Stats().TableFramesByPid[2];
        Assert.That(kernel.Used() - before, Is.EqualTo(childTables), "the child costs only its tables");
        kernel.Switch(1).Ok();
        var parentLeaf = kernel.Mmu.FindLeaf(DefaultBreak);
        kernel.Switch(2).Ok();
        var childLeaf = kernel.Mmu.FindLeaf(DefaultBreak);
        Assert.That(childLeaf.Pte.Ppn, Is.EqualTo(parentLeaf.Pte.Ppn));
        Assert.That((parentLeaf.Pte.W, childLeaf.Pte.W), Is.EqualTo((false, false)));
    }

    [Test]
    public void First_write_copies_and_the_other_side_keeps_the_old_value()
    {
        var kernel = ForkedAfterStoring(42);
        var before = kernel.Used();

        kernel.Store(2, DefaultBreak, 8, 99).Ok();

        Assert.That(kernel.Used() - before, Is.EqualTo(1), "one frame for the child's copy");
        Assert.That(kernel.Stats().Faults.CowCopy, Is.EqualTo(1));
        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(42));
        Assert.That(kernel.Load(2, DefaultBreak).Ok(), Is.EqualTo(99));
    }

    [Test]
    public void Write_by_the_last_holder_restores_write_access_without_copying()
    {
        var kernel = ForkedAfterStoring(0);
        kernel.Exit(2).Ok();
        var before = kernel.Used();

        kernel.Store(1, DefaultBreak, 8, 5).Ok();

        // One fault, counted once, by what resolved it: the page had a leaf here, so it is no minor fault.
        var faults = kernel.Stats().Faults;
        Assert.That((faults.CowCopy, faults.CowReuse, faults.Minor), Is.EqualTo((0L, 1L, 0L)));
        Assert.That(kernel.Used(), Is.EqualTo(before));
        Assert.That(kernel.Mmu.FindLeaf(DefaultBreak).Pte.W, Is.True);
    }

    [Test]
    public void After_the_copy_the_parent_is_the_last_holder_and_reuses_its_page()
    {
        var kernel = ForkedAfterStoring(0);
        kernel.Store(2, DefaultBreak, 8, 1).Ok();

        kernel.Store(1, DefaultBreak, 8, 2).Ok();

        var faults = kernel.Stats().Faults;
        Assert.That((faults.CowCopy, faults.CowReuse), Is.EqualTo((1L, 1L)));
    }

    [Test]
    public void The_stale_read_only_tlb_entry_is_flushed_when_write_comes_back()
    {
        var kernel = ForkedAfterStoring(0);
        kernel.Load(1, DefaultBreak).Ok(); // caches the read-only leaf
        kernel.Exit(2).Ok();

        kernel.Store(1, DefaultBreak, 8, 3).Ok();

        Assert.That(kernel.Mmu.Translate(Access.Write(DefaultBreak)).IsFault, Is.False);
        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(3));
    }

    [Test]
    public void A_process_holding_more_than_half_of_ram_can_fork()
    {
        // xv6 cowtest's simpletest: with eager copy this fork cannot fit.
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        var pages = kernel.Free() * 3 / 5;
        kernel.Sbrk(1, pages * 4096).Ok();
        kernel.Store(1, DefaultBreak + (ulong)(pages - 1) * 4096, 8, 0xABCD).Ok();

        kernel.Fork(1, 2).Ok();

        Assert.That(kernel.Load(2, DefaultBreak + (ulong)(pages - 1) * 4096).Ok(), Is.EqualTo(0xABCD));
        kernel.Exit(2).Ok();
        kernel.Exit(1).Ok();
        kernel.AssertOnlyKernelFramesUsed();
    }

    [Test]
    public void Eager_fork_of_more_than_half_of_ram_is_out_of_memory_and_takes_nothing()
    {
        var kernel = Create(kind, fork: ForkStrategy.EagerCopy);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, kernel.Free() * 3 / 5 * 4096).Ok();
        var before = kernel.Used();

        kernel.Fork(1, 2).IsError(KernelError.OutOfMemory);

        Assert.That(kernel.Used(), Is.EqualTo(before));
        Assert.That(kernel.Pids, Is.EquivalentTo(new[] { 1 }));
    }

    [Test]
    public void Eager_fork_copies_every_page_up_front()
    {
        var kernel = Create(kind, fork: ForkStrategy.EagerCopy);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, 3 * 4096).Ok();
        kernel.Store(1, DefaultBreak, 8, 7).Ok();
        var before = kernel.Used();

        kernel.Fork(1, 2).Ok();
        kernel.Store(2, DefaultBreak, 8, 8).Ok();

        Assert.That(kernel.Used() - before, Is.EqualTo(3 + kernel.Stats().TableFramesByPid[2]));
        Assert.That(kernel.Stats().Faults.Cow, Is.Zero);
        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(7));
    }

    [TestCase(ForkStrategy.CopyOnWrite)]
    [TestCase(ForkStrategy.EagerCopy)]
    public void A_read_only_private_page_stays_read_only_in_the_child(ForkStrategy strategy)
    {
        var kernel = Create(kind, fork: strategy);
        kernel.Spawn(1, null).Ok();
        var va = kernel.Mmap(1, 4096, PteFlags.R, shared: false).Ok();
        kernel.Load(1, va).Ok();

        kernel.Fork(1, 2).Ok();

        kernel.Store(2, va, 8, 1).IsSignal(Signal.SIGSEGV);
        Assert.That(kernel.Load(1, va).Ok(), Is.Zero);
    }

    /// <summary>Process 1 with one heap page holding <paramref name="value"/>, forked into process 2.</summary>
    private OsKernel ForkedAfterStoring(ulong value)
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, 4096).Ok();
        kernel.Store(1, DefaultBreak, 8, value).Ok();
        kernel.Fork(1, 2).Ok();
        return kernel;
    }
}
