using BenchmarkDotNet.Attributes;
using VmSpec.Core;
using VmSpec.Core.Kernel;
using VmSpec.Core.Paging;
using OsKernel = VmSpec.Core.Kernel.Kernel;

namespace VmSpec.Benchmarks;

/// <summary>
/// Fork of a process with 10,000 mapped (and written) heap pages, copy-on-write against an eager
/// copy, in one run. Each operation forks and exits the child, so every iteration starts from the
/// same parent; the exit is part of both costs (it frees 10,000 copies in the eager case, only
/// tables in the COW case). RAM is 128 MiB so the eager copy fits.
/// </summary>
[MemoryDiagnoser]
public class ForkBenchmarks
{
    private const int Pages = 10_000;
    private const int Parent = 1;
    private const int Child = 2;

    private OsKernel _kernel = null!;

    [Params(ForkStrategy.CopyOnWrite, ForkStrategy.EagerCopy)]
    public ForkStrategy Strategy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var machine = new Machine(new MachineOptions { RamSize = 128UL << 20 });
        _kernel = new OsKernel(new Sv39Mmu(machine), new KernelOptions { ForkStrategy = Strategy });
        Expect(_kernel.Spawn(Parent, null));
        var heap = Expect(_kernel.Sbrk(Parent, Pages * 4096L));
        for (var page = 0UL; page < Pages; page++)
            Expect(_kernel.Store(Parent, heap + page * 4096, 8, page));
    }

    [Benchmark]
    public void ForkAndExit()
    {
        Expect(_kernel.Fork(Parent, Child));
        Expect(_kernel.Exit(Child));
    }

    private static ulong Expect(KernelResult result) =>
        result.IsOk ? result.Value : throw new InvalidOperationException(result.ToString());
}
