using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

// Loads and stores by a process: through the MMU, with the kernel serving the page faults.
public sealed partial class Kernel
{
    // A served fault leaves the leaf in place (with W if the access writes), so the retry
    // translates; the extra rounds are slack. Beyond them the kernel and the tables disagree: a
    // bug, not a signal. An access that runs onto a second page gets the rounds once per page; if
    // serving one page keeps taking the other's leaf back, the two cannot be mapped at once.
    private const int MaxFaultsPerPage = 3;

    /// <summary>
    /// Called with every load or store the kernel makes through the MMU for a process, the ones
    /// that fault before a fault is served included: coverage charts these walks like any other.
    /// </summary>
    public Action<Access, MemoryResult>? AccessObserver { get; set; }

    public KernelResult Load(int pid, ulong va, int size = 8) => Access(pid, va, size, write: false, value: 0);

    public KernelResult Store(int pid, ulong va, int size, ulong value) => Access(pid, va, size, write: true, value);

    private KernelResult Access(int pid, ulong va, int size, bool write, ulong value)
    {
        if (Runnable(pid, out var process) is { } refused)
            return refused;
        if (!AccessSize.IsValid(size))
            return KernelResult.Invalid($"Access size {size} is not 1, 2, 4 or 8.");
        if (va > ulong.MaxValue - (ulong)(size - 1))
            return KernelResult.Invalid($"A {size}-byte access at 0x{va:x} runs past the end of the address space.");

        Run(process);
        var first = Layout.PageFloor(va);
        var last = Layout.PageFloor(va + (ulong)(size - 1));
        var rounds = first == last ? MaxFaultsPerPage : 2 * MaxFaultsPerPage;
        // Up to `rounds` faults are served, each followed by another try; the fault of the last try is not.
        for (var attempt = 0; ; attempt++)
        {
            var access = write ? VmSpec.Core.Mmu.Access.Write(va) : VmSpec.Core.Mmu.Access.Read(va);
            var result = write ? _mmu.Store(access, value, size) : _mmu.Load(access, size);
            AccessObserver?.Invoke(access, result);
            if (!result.IsFault)
            {
                MarkReferenced(process.Space, first);
                if (last != first)
                    MarkReferenced(process.Space, last);
                return KernelResult.Ok(result.Value);
            }
            if (attempt == rounds)
                break;

            // The MMU split the access at the page boundary and faulted on one portion: the first
            // page's, unless its leaf already allows the access. While either page's fault is
            // served, the other page, if it has a frame, stays in it: a reclaim that took back the
            // first page's tables must not then evict the second to serve the first again.
            var outcome = first != last && Allows(process.Space, first, write)
                ? ServeFault(process.Space, last, write, keep: first)
                : ServeFault(process.Space, va, write, keep: first != last ? last : null);
            switch (outcome)
            {
                case FaultOutcome.Segv:
                    return Kill(process, Signal.SIGSEGV, $"{(write ? "Store" : "Load")} at 0x{va:x} ({result.Translation}) is allowed by no mapping of process {pid}.");
                case FaultOutcome.Kill:
                    return Kill(process, Signal.SIGKILL, $"No frame for the fault at 0x{va:x} of process {pid}.");
            }
        }
        if (first != last)
        {
            // A fault too, that ended in SIGKILL: counted as the handler counts its own.
            _faults.Counts.Kill++;
            return Kill(process, Signal.SIGKILL, $"No frames to hold both pages of the access at 0x{va:x} of process {pid} at once.");
        }
        throw new InvalidOperationException($"The fault at 0x{va:x} of process {pid} was served {MaxFaultsPerPage} times and still faults.");
    }

    /// <summary>Serves a fault at va, with the page at <paramref name="keep"/>, if any, pinned to its frame meanwhile.</summary>
    private FaultOutcome ServeFault(ProcessSpace space, ulong va, bool write, ulong? keep)
    {
        var pinned = keep is { } pageVa && space.Leaves.TryGetValue(pageVa, out var leaf) ? leaf.Page : null;
        if (pinned is not null)
            pinned.Pins++;
        try
        {
            return _faults.Handle(space, va, write);
        }
        finally
        {
            if (pinned is not null)
                pinned.Pins--;
        }
    }

    /// <summary>Whether the space's leaf for a page lets the access through, as its VMA would (<see cref="Vma.Allows"/>).</summary>
    private static bool Allows(ProcessSpace space, ulong pageVa, bool write) =>
        space.Leaves.TryGetValue(pageVa, out var leaf) && (leaf.Flags & (write ? PteFlags.W : PteFlags.R)) != 0;

    private static void MarkReferenced(ProcessSpace space, ulong pageVa)
    {
        if (space.Leaves.TryGetValue(pageVa, out var leaf))
            leaf.Page.Referenced = true;
    }
}
