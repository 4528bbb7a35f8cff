using VmSpec.Core.Kernel;
using static VmSpec.Core.Tests.Kernel.TestKernels;

namespace VmSpec.Core.Tests.Kernel;

[TestFixtureSource(typeof(TestKernels), nameof(Kinds))]
public sealed class ClockPageTests(string kind)
{
    [Test]
    public void Is_the_top_page_of_user_space()
    {
        var kernel = Create(kind);

        var top = kind == "sv39" ? 1UL << 38 : 1UL << SingleLevelVaBits;
        Assert.That(kernel.ClockAddress, Is.EqualTo(top - 4096));
    }

    [Test]
    public void Every_process_reads_the_tick_count_from_one_shared_frame()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Spawn(2, null).Ok();
        var used = kernel.Used();

        kernel.Tick(5);
        Assert.That(kernel.Load(1, kernel.ClockAddress).Ok(), Is.EqualTo(5));
        kernel.Tick(3);
        Assert.That(kernel.Load(2, kernel.ClockAddress).Ok(), Is.EqualTo(8));
        kernel.Fork(2, 3).Ok();
        Assert.That(kernel.Load(3, kernel.ClockAddress).Ok(), Is.EqualTo(8));

        Assert.That(kernel.Used() - used, Is.EqualTo(kernel.Stats().TableFramesByPid[3]), "no frame but the child's tables");
        Assert.That(kernel.Stats().Faults.Lazy, Is.Zero, "the clock page is mapped at spawn");
    }

    [Test]
    public void A_store_to_it_is_sigsegv()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();

        kernel.Store(1, kernel.ClockAddress, 8, 0).IsSignal(Signal.SIGSEGV);
        kernel.AssertOnlyKernelFramesUsed();
    }

    [Test]
    public void The_kernel_holds_the_clock_page_and_the_idle_spaces_tables()
    {
        var kernel = Create(kind);

        var idleTables = kind == "sv39" ? 1 : 8; // an Sv39 root; a 2^12-entry linear table
        Assert.That(kernel.KernelFrames, Is.EqualTo(1 + idleTables));
        Assert.That(kernel.Used(), Is.EqualTo(kernel.KernelFrames));
    }
}
