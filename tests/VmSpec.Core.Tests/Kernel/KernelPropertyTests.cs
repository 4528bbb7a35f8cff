using CsCheck;
using VmSpec.Core.Kernel;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Kernel.TestKernels;
using OsKernel = VmSpec.Core.Kernel.Kernel;

namespace VmSpec.Core.Tests.Kernel;

/// <summary>
/// Random programs of spawn, fork, exit, sbrk, mmap, munmap, load and store over several processes,
/// run against the kernel and against <see cref="KernelModel"/>: every load must read what the
/// model says, the kernel's books must balance at every step (no frame or slot lost or leaked), and
/// once every process has exited only the kernel's own frames may be in use. Small RAM makes
/// swapping (or, without swap, SIGKILL and out-of-memory) part of the everyday path.
/// <para>
/// Without swap any call may be out of memory and any fault SIGKILL. With swap, running out is
/// allowed only when it cannot be helped: when the frames nothing can reclaim (the kernel's own,
/// and each live process's root and clock-page tables) leave less room than the step needs at its
/// peak, or when swap may not have the slots for it.
/// </para>
/// </summary>
[TestFixtureSource(typeof(TestKernels), nameof(Kinds))]
public sealed class KernelPropertyTests(string kind)
{
    private const int Programs = 60;
    private const int StepsPerProgram = 200;
    private const ulong Ram = 256 * 1024;
    private const ulong Swap = 4UL << 20;

    private static readonly Gen<(int Op, int Pick, int Amount, ulong Value)[]> ProgramGen =
        Gen.Select(Gen.Int[0, 99], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], Gen.ULong, (op, pick, amount, value) => (op, pick, amount, value))
           .Array[StepsPerProgram];

    [TestCase(Ram, Swap, TestName = "{m}(swap)")]
    [TestCase(Ram, 0UL, TestName = "{m}(no swap)")]
    public void Loads_read_what_the_model_says_and_no_frame_is_lost(ulong ram, ulong swap)
    {
        var steps = 0;
        ProgramGen.Sample(program => steps += RunProgram(program, ram, swap), iter: Programs, threads: 1);

        Assert.That(steps, Is.GreaterThanOrEqualTo(10_000));
    }

    /// <summary>The same programs with every fork copying its private pages up front, swapped ones slot to slot.</summary>
    [TestCase(Ram, Swap, TestName = "{m}(swap)")]
    [TestCase(Ram, 0UL, TestName = "{m}(no swap)")]
    public void With_eager_fork_loads_read_what_the_model_says_and_no_frame_is_lost(ulong ram, ulong swap)
    {
        var steps = 0;
        ProgramGen.Sample(program => steps += RunProgram(program, ram, swap, ForkStrategy.EagerCopy), iter: Programs, threads: 1);

        Assert.That(steps, Is.GreaterThanOrEqualTo(10_000));
    }

    /// <summary>Runs one program to the end, then exits every process; returns the steps run.</summary>
    internal int RunProgram((int Op, int Pick, int Amount, ulong Value)[] program, ulong ram, ulong swap, ForkStrategy fork = ForkStrategy.CopyOnWrite)
    {
        var run = new ProgramRun(Create(kind, ram, swap, fork), new KernelModel(), Limits.For(kind), swap);
        foreach (var step in program)
        {
            run.Step(step);
            var frames = run.Kernel.Mmu.Machine.Frames;
            Assert.That(frames.FreeFrames + frames.UsedFrames, Is.EqualTo(frames.TotalFrames));
            Assert.That(run.Kernel.AccountingMismatch(), Is.Null);
        }
        foreach (var pid in run.Model.Procs.Keys)
            run.Kernel.Exit(pid).Ok();
        run.Kernel.AssertOnlyKernelFramesUsed();
        Assert.That(run.Kernel.Stats().SwapSlotsUsed, Is.Zero);
        return program.Length;
    }

    /// <summary>
    /// The most frames a step may need at once beyond every live process's root and clock-page
    /// tables (<see cref="ClockOnlyTables"/>, which nothing reclaims). On Sv39 a leaf outside the
    /// clock page's 2 MiB needs an L1 and an L0 table; a single-level table is whole from the start.
    /// A fault holds at most its page and what maps it (or, for a COW copy, the original and the
    /// copy); fork holds the child's own tables plus one parent page being mapped into it (or, with
    /// <see cref="ForkStrategy.EagerCopy"/>, the original and its copy).
    /// </summary>
    private sealed record Limits(long ClockOnlyTables, long RootTable, long Fault, long Sbrk, long Spawn, long Fork)
    {
        public static Limits For(string kind) => kind == MmuKinds.Sv39
            ? new Limits(ClockOnlyTables: 3, RootTable: 1, Fault: 3, Sbrk: 3, Spawn: 3, Fork: 3 + 1 + 2)
            : new Limits(ClockOnlyTables: 8, RootTable: 8, Fault: 2, Sbrk: 1, Spawn: 8, Fork: 8 + 2);
    }

    private sealed class ProgramRun(OsKernel kernel, KernelModel model, Limits limits, ulong swapBytes)
    {
        private int _nextPid = 1;

        public OsKernel Kernel { get; } = kernel;

        public KernelModel Model { get; } = model;

        /// <summary>Whether a step needing <paramref name="frames"/> at its peak may find none, judged before it runs.</summary>
        private bool MayRunOut(long frames)
        {
            if (swapBytes == 0)
                return true;
            var stats = Kernel.Stats();
            var room = stats.TotalFrames - stats.KernelFrames - Model.Procs.Count * limits.ClockOnlyTables;
            // Every eviction takes a slot; a step cannot evict more pages than RAM holds.
            var slotsLeft = (long)(swapBytes / TestKernels.Page) - stats.SwapSlotsUsed;
            return room < frames || slotsLeft < stats.TotalFrames;
        }

        public void Step((int Op, int Pick, int Amount, ulong Value) step)
        {
            var pids = Model.Procs.Keys.ToArray();
            if (pids.Length == 0 || step.Op < 5)
            {
                if (pids.Length < 6)
                    Spawn();
                _nextPid++;
                return;
            }

            var pid = pids[step.Pick % pids.Length];
            var proc = Model.Procs[pid];
            switch (step.Op)
            {
                case < 10:
                    var mayRunOut = MayRunOut(limits.Fork);
                    var fork = Kernel.Fork(pid, _nextPid);
                    if (fork.IsOk)
                        Model.Fork(pid, _nextPid);
                    else
                        RefusedForLackOfFrames(fork, mayRunOut);
                    _nextPid++;
                    break;
                case < 14:
                    Kernel.Exit(pid).Ok();
                    Model.Procs.Remove(pid);
                    break;
                case < 24:
                    Sbrk(pid, proc, step);
                    break;
                case < 32:
                    var length = (ulong)(step.Amount % 4 + 1) * 4096 - (ulong)step.Amount % 100;
                    var shared = step.Value % 2 == 0;
                    var va = Kernel.Mmap(pid, length, PteFlags.Rw, shared).Ok();
                    Model.Map(pid, va, (length + 4095) & ~4095UL, shared);
                    break;
                case < 35 when proc.Mappings.Count > 0:
                    var region = proc.Mappings[step.Amount % proc.Mappings.Count];
                    Kernel.Munmap(pid, region.Start, region.End - region.Start).Ok();
                    Model.Unmap(pid, region);
                    break;
                case < 37:
                    Kernel.Load(pid, 0x1000).IsSignal(Signal.SIGSEGV);
                    Model.Procs.Remove(pid);
                    break;
                default:
                    Access(pid, step);
                    break;
            }
        }

        private void Spawn()
        {
            var mayRunOut = MayRunOut(limits.Spawn);
            var spawn = Kernel.Spawn(_nextPid, null);
            if (spawn.IsOk)
                Model.Spawn(_nextPid);
            else
                RefusedForLackOfFrames(spawn, mayRunOut);
        }

        /// <summary>
        /// A new space's root table is one run of frames (the whole 8-frame table on single-level).
        /// Reclaim can empty RAM of user pages but cannot move other spaces' tables, so a refusal is
        /// also fair when, afterwards, no user page is left in RAM and no free run is that long.
        /// </summary>
        private void RefusedForLackOfFrames(KernelResult result, bool mayRunOut)
        {
            result.IsError(KernelError.OutOfMemory);
            if (!mayRunOut)
                Assert.That((Kernel.EvictablePages, LongestFreeRun() < limits.RootTable), Is.EqualTo((0, true)),
                    $"{result.Message} with {Kernel.Free()} frames free, {Kernel.EvictablePages} evictable");
        }

        private long LongestFreeRun()
        {
            var frames = Kernel.Mmu.Machine.Frames;
            var first = Kernel.Mmu.Machine.Memory.Base;
            long longest = 0, run = 0;
            for (var i = 0L; i < frames.TotalFrames; i++)
            {
                run = frames.IsFree(first + (ulong)i * TestKernels.Page) ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
            return longest;
        }

        private void Sbrk(int pid, KernelModel.Proc proc, (int Op, int Pick, int Amount, ulong Value) step)
        {
            var delta = (long)(step.Amount % 7 - 2) * 4096 + step.Amount % 3 * 8;
            if (delta < 0 && (ulong)-delta > proc.Break - DefaultBreak)
                delta = -(long)(proc.Break - DefaultBreak);
            var mayRunOut = MayRunOut(limits.Sbrk);
            var sbrk = Kernel.Sbrk(pid, delta);
            if (sbrk.IsOk)
            {
                Assert.That(sbrk.Value, Is.EqualTo(proc.Break));
                Model.SetBreak(pid, proc.Break + (ulong)delta);
                return;
            }
            sbrk.IsError(KernelError.OutOfMemory);
            Assert.That(mayRunOut, Is.True, $"{sbrk.Message} although reclaim could have made room");
            Assert.That(Kernel.Sbrk(pid, 0).Ok(), Is.EqualTo(proc.Break), "a refused sbrk moves nothing");
        }

        /// <summary>
        /// A load or store of 1, 2, 4 or 8 bytes inside one of the process's ranges. Half the picks are
        /// moved onto the last bytes of a page, so that the access runs onto the next page of the range.
        /// </summary>
        private void Access(int pid, (int Op, int Pick, int Amount, ulong Value) step)
        {
            var proc = Model.Procs[pid];
            var ranges = proc.Mappings.Select(r => (r.Start, r.End)).ToList();
            if (proc.Break > DefaultBreak)
                ranges.Add((DefaultBreak, proc.Break));
            var size = 1 << (step.Op / 2 % 4);
            ranges.RemoveAll(r => r.End - r.Start < (ulong)size || r.End <= r.Start);
            if (ranges.Count == 0)
                return;
            var (start, end) = ranges[step.Amount % ranges.Count];
            var va = PickAddress(start, end, size, step.Pick);
            var crossing = va / TestKernels.Page != (va + (ulong)size - 1) / TestKernels.Page;

            var write = step.Op % 2 == 0;
            // A crossing access holds its first page while the second one's fault is served.
            var mayKill = MayRunOut(crossing ? 2 * limits.Fault : limits.Fault);
            var result = write ? Kernel.Store(pid, va, size, step.Value) : Kernel.Load(pid, va, size);
            if (result.Signal == Signal.SIGKILL && mayKill)
            {
                Model.Procs.Remove(pid);
                return;
            }
            var value = result.Ok();
            if (write)
                Model.Write(pid, va, step.Value, size);
            else
                Assert.That(value, Is.EqualTo(Model.Read(pid, va, size)), $"load {size} of pid {pid} at 0x{va:x}");
        }

        /// <summary>An address in [start, end - size]; for an even pick, one up to size - 1 bytes before a page boundary when the range goes on past it.</summary>
        private static ulong PickAddress(ulong start, ulong end, int size, int pick)
        {
            var va = start + (ulong)(pick >> 1) % (end - start - (ulong)size + 1);
            if (pick % 2 != 0 || size == 1)
                return va;
            var nextPage = (va | (TestKernels.Page - 1)) + 1;
            var crossing = nextPage - 1 - (ulong)((pick >> 1) % (size - 1));
            return crossing >= start && crossing + (ulong)size <= end ? crossing : va;
        }
    }
}
