using VmSpec.Core.Kernel;
using static VmSpec.Core.Tests.Kernel.TestKernels;

namespace VmSpec.Core.Tests.Kernel;

[TestFixtureSource(typeof(TestKernels), nameof(Kinds))]
public sealed class SbrkTests(string kind)
{
    [Test]
    public void Growth_takes_frames_at_once_and_returns_the_old_break()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        var free = kernel.Free();

        Assert.That(kernel.Sbrk(1, 3 * 4096).Ok(), Is.EqualTo(DefaultBreak));
        Assert.That(kernel.Sbrk(1, 0).Ok(), Is.EqualTo(DefaultBreak + 3 * 4096));

        var tablesMade = kind == "sv39" ? 2 : 0; // an L1 and an L0 table for the heap's region
        Assert.That(free - kernel.Free(), Is.EqualTo(3 + tablesMade));
        Assert.That(kernel.Stats().Faults.Lazy, Is.Zero, "eager: no fault on first touch");
        Assert.That(kernel.Load(1, DefaultBreak + 2 * 4096).Ok(), Is.Zero);
        Assert.That(kernel.Stats().Faults.Lazy, Is.Zero);
    }

    [Test]
    public void A_break_inside_a_page_backs_the_whole_page()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, 10).Ok();
        var free = kernel.Free();

        kernel.Sbrk(1, 4000).Ok(); // still inside the first page

        Assert.That(kernel.Free(), Is.EqualTo(free));
        kernel.Store(1, DefaultBreak + 4088, 8, 1).Ok();
    }

    [Test]
    public void Shrinking_frees_the_pages_above_the_new_break()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, 4 * 4096).Ok();
        var free = kernel.Free();

        Assert.That(kernel.Sbrk(1, -2 * 4096 - 100).Ok(), Is.EqualTo(DefaultBreak + 4 * 4096));

        Assert.That(kernel.Free() - free, Is.EqualTo(2), "the page holding the new break stays");
        kernel.Load(1, DefaultBreak + 2 * 4096 - 8).Ok();
        kernel.Load(1, DefaultBreak + 2 * 4096).IsSignal(Signal.SIGSEGV);
    }

    [Test]
    public void Growth_that_cannot_be_met_takes_nothing_not_even_tables()
    {
        var kernel = Create(kind, ramSize: 1UL << 20);
        kernel.Spawn(1, null).Ok();
        var free = kernel.Free();
        var tables = kernel.Stats().TableFramesByPid[1];

        kernel.Sbrk(1, (free + 1) * 4096).IsError(KernelError.OutOfMemory);

        Assert.That(kernel.Free(), Is.EqualTo(free));
        Assert.That(kernel.Stats().TableFramesByPid[1], Is.EqualTo(tables));
        Assert.That(kernel.Sbrk(1, 0).Ok(), Is.EqualTo(DefaultBreak));
        kernel.Load(1, kernel.ClockAddress).Ok(); // the rebuilt tables still map the clock page
        kernel.Load(1, DefaultBreak).IsSignal(Signal.SIGSEGV);
    }

    [Test]
    public void Growth_that_cannot_be_met_leaves_the_pages_already_there_mapped()
    {
        // The heap starts on the last page below a 2 MiB boundary, so the growth makes a table (on
        // Sv39, an L0) before it runs out, and the space's tables are rebuilt without it.
        const ulong lastPageBelow2MiB = 0x1F_F000;
        var kernel = Create(kind, ramSize: 1UL << 20);
        kernel.Spawn(1, lastPageBelow2MiB).Ok();
        kernel.Sbrk(1, 4096).Ok();
        kernel.Store(1, lastPageBelow2MiB, 8, 0x77).Ok();
        var (free, tables, faults) = (kernel.Free(), kernel.Stats().TableFramesByPid[1], kernel.Stats().Faults);

        kernel.Sbrk(1, (free + 1) * 4096).IsError(KernelError.OutOfMemory);

        Assert.That(kernel.Free(), Is.EqualTo(free));
        Assert.That(kernel.Stats().TableFramesByPid[1], Is.EqualTo(tables));
        Assert.That(kernel.Load(1, lastPageBelow2MiB).Ok(), Is.EqualTo(0x77));
        Assert.That(kernel.Stats().Faults, Is.EqualTo(faults), "the heap page kept its leaf: the load does not fault");
    }

    [Test]
    public void Growth_that_fits_exactly_succeeds()
    {
        var kernel = Create(kind, ramSize: 1UL << 20);
        kernel.Spawn(1, null).Ok();
        var tablesMade = kind == "sv39" ? 2 : 0;

        kernel.Sbrk(1, (kernel.Free() - tablesMade) * 4096).Ok();

        Assert.That(kernel.Free(), Is.Zero);
    }

    [Test]
    public void A_heap_shared_copy_on_write_is_freed_only_by_its_last_holder()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, 2 * 4096).Ok();
        kernel.Fork(1, 2).Ok();
        var free = kernel.Free();

        kernel.Sbrk(1, -2 * 4096).Ok();

        Assert.That(kernel.Free(), Is.EqualTo(free), "the child still holds both pages");
        kernel.Sbrk(2, -2 * 4096).Ok();
        Assert.That(kernel.Free() - free, Is.EqualTo(2));
    }
}
