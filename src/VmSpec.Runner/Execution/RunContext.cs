using VmSpec.Core;
using VmSpec.Core.Kernel;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Core.Segmentation;
using VmSpec.Runner.Results;
using VmSpec.Runner.Snapshots;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Runner.Execution;

/// <summary>The state a scenario's steps share while it runs on one target.</summary>
internal sealed class RunContext(Scenario scenario, MmuTarget target, Machine machine, IMmu mmu, RunOptions options)
{
    public Scenario Scenario { get; } = scenario;

    public MmuTarget Target { get; } = target;

    public Machine Machine { get; } = machine;

    public IMmu Mmu { get; } = mmu;

    public IPagingMmu? Paging { get; } = mmu as IPagingMmu;

    public ISegmentedMmu? Segments { get; } = mmu as ISegmentedMmu;

    /// <summary>The kernel, booted before the first step when the scenario has process steps (and the MMU pages).</summary>
    public Kernel? Kernel { get; private set; }

    public ISnapshotStore Snapshots { get; } = options.Snapshots;

    public Action<AccessRecord>? OnAccess { get; } = options.OnAccess;

    public Action<KernelStepRecord>? OnKernelStep { get; } = options.OnKernelStep;

    /// <summary>Addresses named by <c>as</c>, and the predefined <c>clock</c>.</summary>
    public Dictionary<string, ulong> Names { get; } = new(StringComparer.Ordinal);

    public void BootKernel(ulong swapBytes)
    {
        if (Paging is null)
            return;
        Kernel = new Kernel(Paging, new KernelOptions { SwapBytes = swapBytes });
        Names[NamedAddress.Clock] = Kernel.ClockAddress;
    }
}
