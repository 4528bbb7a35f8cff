using VmSpec.Core.Kernel;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Kernel.TestKernels;

namespace VmSpec.Core.Tests.Kernel;

[TestFixtureSource(typeof(TestKernels), nameof(Kinds))]
public sealed class MmapTests(string kind)
{
    [Test]
    public void Mappings_go_downward_from_below_the_clock_page()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();

        var first = kernel.Mmap(1, 4096, PteFlags.Rw, false).Ok();
        var second = kernel.Mmap(1, 3 * 4096 - 1, PteFlags.R, false).Ok();

        Assert.That(first, Is.EqualTo(kernel.ClockAddress - 4096));
        Assert.That(second, Is.EqualTo(first - 3 * 4096));
    }

    [Test]
    public void Pages_are_allocated_zeroed_on_first_touch()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        var free = kernel.Free();
        var va = kernel.Mmap(1, 16 * 4096, PteFlags.Rw, false).Ok();
        Assert.That(kernel.Free(), Is.EqualTo(free), "mmap takes no frame");

        Assert.That(kernel.Load(1, va + 5 * 4096 + 16).Ok(), Is.Zero);
        kernel.Store(1, va + 9 * 4096, 4, 0xDEAD_BEEF).Ok();

        Assert.That(kernel.Stats().Faults.Lazy, Is.EqualTo(2));
        Assert.That(kernel.Load(1, va + 9 * 4096).Ok(), Is.EqualTo(0xDEAD_BEEF));
    }

    [Test]
    public void A_shared_page_first_touched_by_the_child_is_seen_by_the_parent()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        var va = kernel.Mmap(1, 2 * 4096, PteFlags.Rw, shared: true).Ok();
        kernel.Fork(1, 2).Ok();

        kernel.Store(2, va + 4096, 8, 0x5151).Ok();
        Assert.That(kernel.Load(1, va + 4096).Ok(), Is.EqualTo(0x5151));

        kernel.Store(1, va + 4096, 8, 0x1515).Ok();
        Assert.That(kernel.Load(2, va + 4096).Ok(), Is.EqualTo(0x1515));
        Assert.That(kernel.Stats().Faults.Cow, Is.Zero);
    }

    [Test]
    public void A_private_mapping_is_copied_on_write_across_fork()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        var va = kernel.Mmap(1, 4096, PteFlags.Rw, shared: false).Ok();
        kernel.Store(1, va, 8, 1).Ok();
        kernel.Fork(1, 2).Ok();

        kernel.Store(2, va, 8, 2).Ok();

        Assert.That(kernel.Load(1, va).Ok(), Is.EqualTo(1));
        Assert.That(kernel.Load(2, va).Ok(), Is.EqualTo(2));
    }

    [Test]
    public void A_shared_region_outlives_the_process_that_made_it()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        var va = kernel.Mmap(1, 4096, PteFlags.Rw, shared: true).Ok();
        kernel.Store(1, va, 8, 9).Ok();
        kernel.Fork(1, 2).Ok();

        kernel.Exit(1).Ok();

        Assert.That(kernel.Load(2, va).Ok(), Is.EqualTo(9));
        kernel.Exit(2).Ok();
        kernel.AssertOnlyKernelFramesUsed();
    }

    [Test]
    public void A_shared_page_keeps_write_permission_in_both_after_fork()
    {
        // Only private pages are copy-on-write: a shared page's leaf in the child is the parent's.
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        var va = kernel.Mmap(1, 4096, PteFlags.Rw, shared: true).Ok();
        kernel.Store(1, va, 8, 1).Ok();

        kernel.Fork(1, 2).Ok();

        kernel.Switch(1).Ok();
        Assert.That(kernel.Mmu.FindLeaf(va).Pte.W, Is.True, "the parent's leaf");
        kernel.Switch(2).Ok();
        Assert.That(kernel.Mmu.FindLeaf(va).Pte.W, Is.True, "the child's leaf");
    }

    [Test]
    public void Each_part_of_a_shared_region_split_by_munmap_stays_the_same_page_in_every_process()
    {
        // Three shared pages A, B, C. Pid 1 unmaps A and keeps [B, C); pid 3, forked from it after
        // that, maps [B, C) too; pid 2 still maps all three. B and C must be the same pages in each.
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        var va = kernel.Mmap(1, 3 * 4096, PteFlags.Rw, shared: true).Ok();
        kernel.Fork(1, 2).Ok();
        kernel.Munmap(1, va, 4096).Ok();
        kernel.Fork(1, 3).Ok();

        kernel.Store(2, va + 4096, 8, 0xB).Ok();
        kernel.Store(2, va + 2 * 4096, 8, 0xC).Ok();

        Assert.That(kernel.Load(1, va + 4096).Ok(), Is.EqualTo(0xB));
        Assert.That(kernel.Load(1, va + 2 * 4096).Ok(), Is.EqualTo(0xC));
        Assert.That(kernel.Load(3, va + 4096).Ok(), Is.EqualTo(0xB));
        Assert.That(kernel.Load(3, va + 2 * 4096).Ok(), Is.EqualTo(0xC));
        kernel.Load(3, va).IsSignal(Signal.SIGSEGV);
    }

    [TestCase(0UL, TestName = "Munmap over an empty heap leaves the heap")]
    [TestCase(3 * 4096UL, TestName = "Munmap over a heap shrunk back to its start leaves the heap")]
    public void Munmap_over_an_empty_heap_leaves_it_for_sbrk(ulong grownFirst)
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        if (grownFirst > 0)
        {
            kernel.Sbrk(1, (long)grownFirst).Ok();
            kernel.Sbrk(1, -(long)grownFirst).Ok();
        }

        // Nothing is mapped on either side of the break: a range across it unmaps nothing, as in Linux.
        kernel.Munmap(1, DefaultBreak - 4096, 2 * 4096).Ok();

        Assert.That(kernel.Sbrk(1, 4096).Ok(), Is.EqualTo(DefaultBreak));
        kernel.Store(1, DefaultBreak, 8, 0x5A).Ok();
        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(0x5AUL));
    }

    [Test]
    public void Munmap_frees_touched_pages_and_splits_the_mapping()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        var va = kernel.Mmap(1, 3 * 4096, PteFlags.Rw, false).Ok();
        for (var page = 0UL; page < 3; page++)
            kernel.Store(1, va + page * 4096, 8, page + 1).Ok();
        var free = kernel.Free();

        kernel.Munmap(1, va + 4096, 4096).Ok();

        Assert.That(kernel.Free() - free, Is.EqualTo(1));
        Assert.That(kernel.Load(1, va).Ok(), Is.EqualTo(1));
        Assert.That(kernel.Load(1, va + 2 * 4096).Ok(), Is.EqualTo(3));
        kernel.Load(1, va + 4096).IsSignal(Signal.SIGSEGV);
    }

    [Test]
    public void The_hole_munmap_leaves_is_used_again()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        var top = kernel.Mmap(1, 4096, PteFlags.Rw, false).Ok();
        kernel.Mmap(1, 4096, PteFlags.Rw, false).Ok();
        kernel.Munmap(1, top, 4096).Ok();

        Assert.That(kernel.Mmap(1, 4096, PteFlags.R, false).Ok(), Is.EqualTo(top));
    }

    [Test]
    public void A_mapping_larger_than_the_free_address_space_is_out_of_memory()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();

        kernel.Mmap(1, kernel.ClockAddress, PteFlags.R, false).IsError(KernelError.OutOfMemory);
    }
}
