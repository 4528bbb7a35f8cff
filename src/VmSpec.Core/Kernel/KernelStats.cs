namespace VmSpec.Core.Kernel;

/// <summary>Page faults the kernel handled, by what resolved them.</summary>
public sealed record FaultCounts
{
    /// <summary>First touch of an anonymous page: a zeroed frame was allocated.</summary>
    public long Lazy { get; set; }

    /// <summary>A page already in memory (shared, or resident since fork) got its PTE in this process.</summary>
    public long Minor { get; set; }

    /// <summary>A write to a shared COW page copied it.</summary>
    public long CowCopy { get; set; }

    /// <summary>A write to a COW page its process held alone: write access was restored, nothing copied.</summary>
    public long CowReuse { get; set; }

    public long Cow => CowCopy + CowReuse;

    public long SwapIn { get; set; }

    /// <summary>Faults that ended in SIGSEGV.</summary>
    public long Segv { get; set; }

    /// <summary>Faults that ended in SIGKILL (no frame).</summary>
    public long Kill { get; set; }
}

/// <summary>
/// A snapshot of the kernel's accounting. <see cref="KernelFrames"/> is what the kernel holds for
/// itself (the clock page and the idle address space's tables), so with no process left
/// <see cref="UsedFrames"/> equals it. <see cref="TableFramesByPid"/> counts each space's tables
/// once, under the process that owns it: a vfork child borrows its parent's and shows 0.
/// <see cref="TableTrims"/> counts the times swap's reclaim, finding no page to evict, gave a space
/// new tables holding only its clock page's leaf.
/// </summary>
public sealed record KernelStats(
    long TotalFrames,
    long FreeFrames,
    long UsedFrames,
    long KernelFrames,
    FaultCounts Faults,
    long PagesSwappedOut,
    long PagesSwappedIn,
    long SwapSlotsUsed,
    IReadOnlyDictionary<int, long> TableFramesByPid,
    long TableTrims);

/// <summary>
/// What one process's memory costs: its page-table frames against the pages it maps. The same
/// sparse layout costs a few frames of tables on Sv39 and the whole linear table on single-level.
/// A vfork child costs nothing of its own (its tables and pages are its parent's, counted in the
/// parent's row, so the rows add up); <see cref="MappedBytes"/> is still what it can reach.
/// <see cref="ResidentPages"/> is the pages the space has a leaf for (all in RAM), the clock page and
/// shared pages included, so a fresh process shows 1; <see cref="SwappedPages"/> is its private pages in swap.
/// </summary>
public sealed record ProcessMemoryReport(
    int Pid,
    ushort Asid,
    long TableFrames,
    long ResidentPages,
    long SwappedPages,
    ulong MappedBytes);
