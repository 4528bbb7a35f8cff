using VmSpec.Core.Kernel;
using static VmSpec.Core.Tests.Kernel.TestKernels;

namespace VmSpec.Core.Tests.Kernel;

[TestFixtureSource(typeof(TestKernels), nameof(Kinds))]
public sealed class VforkTests(string kind)
{
    [Test]
    public void Child_shares_the_parents_memory_and_tables()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, 4096).Ok();
        var before = kernel.Used();

        kernel.Vfork(1, 2).Ok();
        kernel.Store(2, DefaultBreak, 8, 77).Ok();

        Assert.That(kernel.Used(), Is.EqualTo(before), "no tables, no copies");
        Assert.That(kernel.Stats().Faults.Cow, Is.Zero);
        kernel.Exit(2).Ok();
        Assert.That(kernel.Load(1, DefaultBreak).Ok(), Is.EqualTo(77));
    }

    [Test]
    public void Parent_is_suspended_until_the_child_exits()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Vfork(1, 2).Ok();

        kernel.Load(1, kernel.ClockAddress).IsError(KernelError.Invalid);
        kernel.Sbrk(1, 4096).IsError(KernelError.Invalid);
        kernel.Exit(1).IsError(KernelError.Invalid);
        kernel.Switch(1).IsError(KernelError.Invalid);

        kernel.Exit(2).Ok();
        kernel.Load(1, kernel.ClockAddress).Ok();
    }

    [Test]
    public void The_child_runs_in_place_of_the_suspended_parent_until_it_exits()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Switch(1).Ok();

        kernel.Vfork(1, 2).Ok();
        Assert.That(kernel.RunningPid, Is.EqualTo(2), "a suspended process is never the running one");

        kernel.Exit(2).Ok();
        Assert.That(kernel.RunningPid, Is.EqualTo(1));
    }

    [Test]
    public void Child_exit_does_not_free_the_parents_memory()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Sbrk(1, 2 * 4096).Ok();
        kernel.Vfork(1, 2).Ok();
        var used = kernel.Used();

        kernel.Exit(2).Ok();

        Assert.That(kernel.Used(), Is.EqualTo(used));
        kernel.Exit(1).Ok();
        kernel.AssertOnlyKernelFramesUsed();
    }

    [Test]
    public void A_child_killed_by_a_signal_resumes_the_parent_too()
    {
        var kernel = Create(kind);
        kernel.Spawn(1, null).Ok();
        kernel.Vfork(1, 2).Ok();

        kernel.Store(2, kernel.ClockAddress, 8, 1).IsSignal(Signal.SIGSEGV);

        Assert.That(kernel.Load(1, kernel.ClockAddress).IsOk, Is.True);
    }
}
