using VmSpec.Core.Kernel;
using VmSpec.Runner.Results;
using VmSpec.Scenarios;
using KernelError = VmSpec.Core.Kernel.KernelError;

namespace VmSpec.Reports.Coverage;

/// <summary>
/// Coverage of the kernel model: rule × MMU the kernel ran on × R/W (a process's load or store)
/// or <c>call</c> (spawn, fork, sbrk, ...). A step's rules come from what the kernel did, read from
/// its accounting before and after the step (<see cref="KernelStats"/>) and from its result: which
/// faults it served and how, what it evicted, which signal or error it gave. The walks its loads
/// and stores made are charted in the MMU's own matrix.
/// </summary>
public sealed class KernelCoverageModel(IReadOnlyList<string> kinds) : CoverageModel
{
    /// <summary>The name of the kernel's section; not an MMU kind.</summary>
    public const string Name = "kernel";

    private const string Call = "call";

    private static readonly CellExclusion OnlyAccesses = new("page faults come from a process's loads and stores; no kernel call takes one", Ops: [Call]);
    private static readonly CellExclusion SignalsEndAccesses = new("a signal ends a load or store; a call that cannot be done returns an error instead", Ops: [Call]);
    private static readonly CellExclusion OnlyCalls = new("a kernel call, not a load or store", Ops: [R, W]);
    private static readonly CellExclusion OnlyStores = new("only a store to a copy-on-write page needs it writable", Ops: [R]);

    public override string Kind => Name;

    public override string PlaceAxis => "MMU";

    public override IReadOnlyList<string> Places => kinds;

    public override IReadOnlyList<string> Modes { get; } = [User];

    public override IReadOnlyList<string> Ops { get; } = [R, W, Call];

    public override IReadOnlyList<CoverageRule> Rules { get; } =
    [
        new("lazy-zero-fill", "Lecture notes §4.2 (page faults let the kernel allocate lazily); format: mmap memory is zero-filled on first touch", OnlyAccesses),
        new("minor-fault", "Format, mmap shared: a page already in memory is mapped into the process that touches it", OnlyAccesses),
        new("cow-copy", "Lecture notes §3: fork turns off write permission so that a write copies the page", OnlyAccesses, OnlyStores),
        new("cow-last-holder", "Lecture notes §3, copy-on-write: a write by a page's only holder gets W back and copies nothing", OnlyAccesses, OnlyStores),
        new("swap-out", "Lecture notes §4.2 (swap to disk); format kernel.swap: a page is evicted to make room"),
        new("swap-in", "Lecture notes §4.2 (swap to disk); format kernel.swap: an evicted page comes back on its next touch", OnlyAccesses),
        new("clock-page", "Lecture notes §4.2: a kernel-mapped fixed address is read without a system call; format: a store to it is SIGSEGV",
            new CellExclusion("a process reads the clock page with a load, not through a kernel call", Ops: [Call])),
        new("sigsegv", "Format, processes: an access no mapping allows ends the process with SIGSEGV", SignalsEndAccesses),
        new("sigkill", "Format, processes: a fault that finds no frame ends the process with SIGKILL", SignalsEndAccesses),
        new("spawn", "Format, processes: a new process with an empty address space", OnlyCalls),
        new("fork", "Lecture notes §3: fork copies the page table and turns off write permission", OnlyCalls),
        new("vfork", "Lecture notes §3: vfork shares all memory with the parent", OnlyCalls),
        new("switch", "Lecture notes §4.2: context switches must handle the TLB", OnlyCalls),
        new("exit", "Format, processes: an exited process's frames are free again", OnlyCalls),
        new("sbrk-grow", "Lecture notes §4.2: sbrk grows the heap with pages from the free list", OnlyCalls),
        new("sbrk-shrink", "Lecture notes §4.2: sbrk shrinks the heap", OnlyCalls),
        new("mmap-private", "Format, processes: mmap maps anonymous memory, private to the process", OnlyCalls),
        new("mmap-shared", "Format, processes: mmap with shared: true, one memory for every process that inherits it", OnlyCalls),
        new("munmap", "Lecture notes §4: to deallocate a page add it back to the free list", OnlyCalls),
        new("out-of-memory", "Format, processes: a call that needs more frames than can be found fails out-of-memory",
            new CellExclusion("a load or store that finds no frame is SIGKILL, not an error", Ops: [R, W])),
        new("invalid", "Format, processes: misuse (an unknown pid, a suspended vfork parent, a bad length) is an error"),
    ];

    /// <summary>The kernel's loads and stores are charted by the model of the MMU that made them.</summary>
    public override IEnumerable<CoverageCell> Classify(AccessRecord record) => [];

    public IEnumerable<CoverageCell> Classify(KernelStepRecord record)
    {
        var op = record.Step switch
        {
            LoadStep => R,
            StoreStep => W,
            _ => Call,
        };
        return RulesOf(record, op).Select(rule => new CoverageCell(rule, record.Target.Kind, User, op));
    }

    private static IEnumerable<string> RulesOf(KernelStepRecord record, string op)
    {
        var (before, after) = (record.Before.Faults, record.After.Faults);
        if (after.Lazy > before.Lazy) yield return "lazy-zero-fill";
        if (after.Minor > before.Minor) yield return "minor-fault";
        if (after.CowCopy > before.CowCopy) yield return "cow-copy";
        if (after.CowReuse > before.CowReuse) yield return "cow-last-holder";
        if (record.After.PagesSwappedOut > record.Before.PagesSwappedOut) yield return "swap-out";
        if (after.SwapIn > before.SwapIn) yield return "swap-in";

        var result = record.Result;
        if (op != Call && record.Address is { } va && record.Kernel.Layout.PageFloor(va) == record.Kernel.ClockAddress
            && (result.IsOk || result.Signal == Signal.SIGSEGV))
            yield return "clock-page";
        if (result.Signal == Signal.SIGSEGV) yield return "sigsegv";
        if (result.Signal == Signal.SIGKILL) yield return "sigkill";
        if (result.Error == KernelError.OutOfMemory) yield return "out-of-memory";
        if (result.Error == KernelError.Invalid) yield return "invalid";
        if (result.IsOk && CallRule(record.Step) is { } call) yield return call;
    }

    private static string? CallRule(Step step) => step switch
    {
        SpawnStep => "spawn",
        ForkStep => "fork",
        VforkStep => "vfork",
        SwitchStep => "switch",
        ExitStep => "exit",
        SbrkStep { Bytes: > 0 } => "sbrk-grow",
        SbrkStep { Bytes: < 0 } => "sbrk-shrink",
        MmapStep { Shared: true } => "mmap-shared",
        MmapStep => "mmap-private",
        MunmapStep => "munmap",
        _ => null,
    };
}
