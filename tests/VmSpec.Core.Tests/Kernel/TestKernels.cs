using VmSpec.Core.Kernel;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using OsKernel = VmSpec.Core.Kernel.Kernel;

namespace VmSpec.Core.Tests.Kernel;

/// <summary>Kernels over each built-in paging MMU, and the assertions every kernel test uses.</summary>
internal static class TestKernels
{
    public const ulong Page = 4096;
    public const ulong DefaultBreak = KernelOptions.DefaultProgramBreak;

    /// <summary>24 bits keep a single-level table at 8 frames; the default 32 would take 2048 per process.</summary>
    public const int SingleLevelVaBits = 24;

    public static readonly string[] Kinds = [MmuKinds.Sv39, MmuKinds.SingleLevel];

    /// <summary>A kernel over a fresh machine; <paramref name="singleLevelPageSize"/> sizes the single-level MMU's pages.</summary>
    public static OsKernel Create(string kind, ulong ramSize = 16UL << 20, ulong swapBytes = 0, ForkStrategy fork = ForkStrategy.CopyOnWrite,
        ulong singleLevelPageSize = Page)
    {
        var machine = new Machine(new MachineOptions
        {
            RamSize = ramSize,
            SingleLevel = new SingleLevelOptions(PageSize: singleLevelPageSize, VaBits: SingleLevelVaBits),
        });
        IPagingMmu mmu = kind == MmuKinds.Sv39 ? new Sv39Mmu(machine) : new SingleLevelMmu(machine);
        return new OsKernel(mmu, new KernelOptions { SwapBytes = swapBytes, ForkStrategy = fork });
    }

    public static ulong Ok(this KernelResult result)
    {
        Assert.That(result.IsOk, Is.True, result.ToString());
        return result.Value;
    }

    public static void IsError(this KernelResult result, KernelError error) =>
        Assert.That((result.Error, result.Signal), Is.EqualTo((error, Signal.None)), result.ToString());

    public static void IsSignal(this KernelResult result, Signal signal) =>
        Assert.That((result.Error, result.Signal), Is.EqualTo((KernelError.None, signal)), result.ToString());

    public static long Free(this OsKernel kernel) => kernel.Mmu.Machine.Frames.FreeFrames;

    public static long Used(this OsKernel kernel) => kernel.Mmu.Machine.Frames.UsedFrames;

    /// <summary>With no process left, only the kernel's own frames may be in use.</summary>
    public static void AssertOnlyKernelFramesUsed(this OsKernel kernel)
    {
        var frames = kernel.Mmu.Machine.Frames;
        Assert.That(kernel.Pids, Is.Empty);
        Assert.That(frames.UsedFrames, Is.EqualTo(kernel.KernelFrames));
        Assert.That(frames.FreeFrames + frames.UsedFrames, Is.EqualTo(frames.TotalFrames));
    }
}
