using VmSpec.Core.Kernel;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Kernel.TestKernels;

namespace VmSpec.Core.Tests.Kernel;

[TestFixtureSource(typeof(TestKernels), nameof(Kinds))]
public sealed class SwapTests(string kind)
{
    private const ulong SmallRam = 256 * 1024; // 64 frames

    [Test]
    public void Pages_evicted_to_swap_come_back_intact()
    {
        var kernel = Create(kind, ramSize: SmallRam, swapBytes: 1UL << 20);
        kernel.Spawn(1, null).Ok();
        var va = kernel.Mmap(1, 100 * 4096, PteFlags.Rw, false).Ok();

        for (var page = 0UL; page < 100; page++)
            kernel.Store(1, va + page * 4096 + 8 * (page % 16), 8, 0x1000 + page).Ok();
        for (var page = 0UL; page < 100; page++)
            Assert.That(kernel.Load(1, va + page * 4096 + 8 * (page % 16)).Ok(), Is.EqualTo(0x1000 + page));

        var stats = kernel.Stats();
        Assert.That(stats.PagesSwappedOut, Is.Positive);
        Assert.That(stats.PagesSwappedIn, Is.Positive);
        Assert.That(stats.Faults.SwapIn, Is.EqualTo(stats.PagesSwappedIn));
        kernel.Exit(1).Ok();
        Assert.That(kernel.Stats().SwapSlotsUsed, Is.Zero);
        kernel.AssertOnlyKernelFramesUsed();
    }

    [Test]
    public void A_sbrk_larger_than_ram_succeeds_by_swapping()
    {
        var kernel = Create(kind, ramSize: SmallRam, swapBytes: 1UL << 20);
        kernel.Spawn(1, null).Ok();

        kernel.Sbrk(1, 80 * 4096).Ok();
        kernel.Store(1, DefaultBreak, 8, 11).Ok();
        kernel.Store(1, DefaultBreak + 79 * 4096, 8, 22).Ok();

        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(11));
        Assert.That(kernel.Load(1, DefaultBreak + 79 * 4096).Ok(), Is.EqualTo(22));
    }

    [Test]
    public void Copy_on_write_pages_in_swap_stay_shared_until_written()
    {
        var kernel = Create(kind, ramSize: SmallRam, swapBytes: 1UL << 20);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, 4096).Ok();
        kernel.Store(1, DefaultBreak, 8, 5).Ok();
        kernel.Fork(1, 2).Ok();
        var va = kernel.Mmap(1, 60 * 4096, PteFlags.Rw, false).Ok();
        for (var page = 0UL; page < 60; page++)
            kernel.Store(1, va + page * 4096, 8, page).Ok(); // pushes the heap page out

        kernel.Store(2, DefaultBreak, 8, 6).Ok();

        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(5));
        Assert.That(kernel.Load(2, DefaultBreak).Ok(), Is.EqualTo(6));
    }

    [Test]
    public void An_eager_fork_copies_a_page_in_swap_to_a_slot_of_its_own()
    {
        var kernel = Create(kind, ramSize: SmallRam, swapBytes: 1UL << 20, fork: ForkStrategy.EagerCopy);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, 4096).Ok();
        kernel.Store(1, DefaultBreak, 8, 5).Ok();
        var va = kernel.Mmap(1, 60 * 4096, PteFlags.Rw, false).Ok();
        for (var page = 0UL; page < 60; page++)
            kernel.Store(1, va + page * 4096, 8, page).Ok(); // pushes the heap page out

        kernel.Fork(1, 2).Ok();

        Assert.That(kernel.AccountingMismatch(), Is.Null, "every swapped page has a slot of its own");
        kernel.Store(2, DefaultBreak, 8, 6).Ok();
        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(5));
        Assert.That(kernel.Load(2, DefaultBreak).Ok(), Is.EqualTo(6));
        Assert.That(kernel.Stats().Faults.Cow, Is.Zero);
        kernel.Exit(2).Ok();
        kernel.Exit(1).Ok();
        Assert.That(kernel.Stats().SwapSlotsUsed, Is.Zero);
        kernel.AssertOnlyKernelFramesUsed();
    }

    [Test]
    public void Unmapping_the_last_mapping_of_a_shared_region_frees_the_slot_of_its_page_in_swap()
    {
        var kernel = Create(kind, ramSize: SmallRam, swapBytes: 1UL << 20);
        kernel.Spawn(1, null).Ok();
        var shared = kernel.Mmap(1, 4096, PteFlags.Rw, shared: true).Ok();
        kernel.Store(1, shared, 8, 5).Ok();
        var va = kernel.Mmap(1, 60 * 4096, PteFlags.Rw, false).Ok();
        for (var page = 0UL; page < 60; page++)
            kernel.Store(1, va + page * 4096, 8, page).Ok(); // pushes the shared page out first
        var slots = kernel.Stats().SwapSlotsUsed;
        Assert.That(kernel.MemoryReport().Single().SwappedPages, Is.EqualTo(slots - 1), "one slot is the shared page's");

        kernel.Munmap(1, shared, 4096).Ok();

        Assert.That(kernel.Stats().SwapSlotsUsed, Is.EqualTo(slots - 1));
    }

    [Test]
    public void When_swap_is_full_a_fault_is_sigkill()
    {
        var kernel = Create(kind, ramSize: SmallRam, swapBytes: 4 * 4096);
        kernel.Spawn(1, null).Ok();
        var va = kernel.Mmap(1, 100 * 4096, PteFlags.Rw, false).Ok();

        KernelResult result = default;
        for (var page = 0UL; page < 100 && result.Signal == Signal.None; page++)
            result = kernel.Store(1, va + page * 4096, 8, page);

        result.IsSignal(Signal.SIGKILL);
        Assert.That(kernel.Stats().SwapSlotsUsed, Is.Zero, "the killed process's slots are freed");
        kernel.AssertOnlyKernelFramesUsed();
    }
}
