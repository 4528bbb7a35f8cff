using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

/// <summary>
/// A small Unix-like kernel over a paging MMU: processes with their own address spaces and ASIDs,
/// fork (copy-on-write) and vfork, exit that returns every frame, an eager sbrk, lazy anonymous
/// mmap (private or shared), page faults served by lazy allocation, COW and swap, and a read-only
/// clock page in every process. It never throws for a scenario's misuse: such calls return
/// <see cref="KernelError.Invalid"/>.
/// <para>
/// A load or store names its pid and runs that process: if another was running, the kernel
/// context-switches first (as <see cref="Switch"/> does). Between calls the MMU's current space is
/// the running process's, or the idle space (ASID 0) while none runs.
/// </para>
/// </summary>
public sealed partial class Kernel
{
    private readonly IPagingMmu _mmu;
    private readonly PageFrames _frames;
    private readonly PageTableEditor _editor;
    private readonly PageReclaimer _reclaimer;
    private readonly PageFaultHandler _faults;
    private readonly AsidAllocator _asids = new();
    private readonly ClockPage _clock;
    private readonly Dictionary<int, Process> _processes = [];
    private Process? _running;

    public Kernel(IPagingMmu mmu, KernelOptions? options = null)
    {
        _mmu = mmu;
        Options = options ?? new KernelOptions();
        Layout = UserLayout.For(mmu);
        _frames = new PageFrames(mmu.Machine, mmu.PageSize);
        _editor = new PageTableEditor(mmu);
        _reclaimer = new PageReclaimer(_editor, _frames, new SwapStore(Options.SwapBytes, _frames.BytesPerPage), new ResidentPages());

        // The idle space exists before any process, so what the kernel holds is fixed from boot:
        // the idle space's tables and the clock page.
        // An MMU makes its first space even when RAM cannot hold its tables (every access then
        // faults), so the switch alone does not show that the idle space has them.
        if (!mmu.SwitchAddressSpace(AsidAllocator.Idle).IsOk || mmu.TableFrames(AsidAllocator.Idle) == 0 || !_frames.TryAlloc(out var clockFrame))
            throw new InvalidOperationException("RAM is too small to boot the kernel: no frame for the idle space or the clock page.");
        _clock = new ClockPage(mmu.Machine, new Page(Layout.ClockAddress, clockFrame, kernelOwned: true));
        _faults = new PageFaultHandler(_editor, _reclaimer, Layout, _clock.Page);
    }

    public KernelOptions Options { get; }

    public UserLayout Layout { get; }

    public IPagingMmu Mmu => _mmu;

    /// <summary>The clock page's address in every process (the format's predefined name <c>clock</c>).</summary>
    public ulong ClockAddress => Layout.ClockAddress;

    public ulong Ticks => _clock.Ticks;

    public int? RunningPid => _running?.Pid;

    public IReadOnlyCollection<int> Pids => _processes.Keys;

    /// <summary>Frames the kernel holds for itself: the clock page and the idle space's tables.</summary>
    public long KernelFrames => _frames.PerPage + _mmu.TableFrames(AsidAllocator.Idle);

    /// <summary>Advances the tick count the clock page shows.</summary>
    public void Tick(ulong ticks) => _clock.Advance(ticks);

    public KernelResult Switch(int pid)
    {
        if (Runnable(pid, out var process) is { } refused)
            return refused;
        Run(process);
        return KernelResult.Ok();
    }

    public KernelStats Stats()
    {
        var allocator = _mmu.Machine.Frames;
        return new KernelStats(
            allocator.TotalFrames,
            allocator.FreeFrames,
            allocator.UsedFrames,
            KernelFrames,
            _faults.Counts with { },
            _reclaimer.SwappedOut,
            _reclaimer.SwappedIn,
            _reclaimer.Swap.Used,
            _processes.Values.ToDictionary(p => p.Pid, TableFramesOf),
            _reclaimer.TablesTrimmed);
    }

    /// <summary>
    /// Resident user pages the swap policy may evict. Page tables and the clock page are never
    /// among them: once none is left, reclaim can only take back tables that map no user page, so a
    /// RAM full of the tables every space needs (its root and its clock page's path) leaves a fault
    /// no frame even with swap: SIGKILL.
    /// </summary>
    public int EvictablePages => _reclaimer.Resident.Count;

    /// <summary>Per process, by pid: what its tables cost against what it maps.</summary>
    public IReadOnlyList<ProcessMemoryReport> MemoryReport() =>
        _processes.Values.OrderBy(p => p.Pid).Select(p => new ProcessMemoryReport(
            p.Pid,
            p.Space.Asid,
            TableFramesOf(p),
            p.VforkParent is null ? p.Space.Leaves.Count : 0,
            p.VforkParent is null ? p.Space.Private.Values.Count(page => !page.IsResident) : 0,
            p.Space.Vmas.Aggregate(0UL, (sum, vma) => sum + (vma.End - vma.Start)))).ToList();

    /// <summary>The table frames a process costs: none for a vfork child, whose tables are its parent's and counted there.</summary>
    private long TableFramesOf(Process process) => process.VforkParent is null ? _mmu.TableFrames(process.Space.Asid) : 0;

    /// <summary>The process, if it exists and is not waiting for a vfork child; else why not.</summary>
    private KernelResult? Runnable(int pid, out Process process)
    {
        if (!_processes.TryGetValue(pid, out process!))
            return KernelResult.Invalid($"No process {pid}.");
        if (process.SuspendedFor is { } child)
            return KernelResult.Invalid($"Process {pid} is suspended until its vfork child {child.Pid} exits.");
        return null;
    }

    private void Run(Process process)
    {
        if (_mmu.CurrentAsid != process.Space.Asid)
            SwitchTo(process.Space.Asid);
        _running = process;
    }

    private void SwitchTo(ushort asid) => SpaceScope.Switch(_mmu, asid);
}
