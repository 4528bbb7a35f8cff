using VmSpec.Core.Mmu;

namespace VmSpec.Core.Kernel;

// Loads and stores by a process: through the MMU, with the kernel serving the page faults.
public sealed partial class Kernel
{
    // A served fault leaves the leaf in place (with W if the access writes), so the retry
    // translates; the extra rounds are slack. Beyond them the kernel and the tables disagree: a
    // bug, not a signal.
    private const int MaxFaultsPerAccess = 3;

    public KernelResult Load(int pid, ulong va, int size = 8) => Access(pid, va, size, write: false, value: 0);

    public KernelResult Store(int pid, ulong va, int size, ulong value) => Access(pid, va, size, write: true, value);

    private KernelResult Access(int pid, ulong va, int size, bool write, ulong value)
    {
        if (Runnable(pid, out var process) is { } refused)
            return refused;
        if (size is not (1 or 2 or 4 or 8))
            return KernelResult.Invalid($"Access size {size} is not 1, 2, 4 or 8.");
        if (va > ulong.MaxValue - (ulong)(size - 1) || Layout.PageFloor(va) != Layout.PageFloor(va + (ulong)(size - 1)))
            return KernelResult.Invalid($"A {size}-byte access at 0x{va:x} crosses a page boundary.");

        Run(process);
        for (var attempt = 0; attempt <= MaxFaultsPerAccess; attempt++)
        {
            var access = write ? VmSpec.Core.Mmu.Access.Write(va) : VmSpec.Core.Mmu.Access.Read(va);
            var result = write ? _mmu.Store(access, value, size) : _mmu.Load(access, size);
            if (!result.IsFault)
            {
                if (process.Space.Leaves.TryGetValue(Layout.PageFloor(va), out var leaf))
                    leaf.Page.Referenced = true;
                return KernelResult.Ok(result.Value);
            }

            switch (_faults.Handle(process.Space, va, write))
            {
                case FaultOutcome.Segv:
                    return Kill(process, Signal.SIGSEGV, $"{(write ? "Store" : "Load")} at 0x{va:x} ({result.Translation}) is allowed by no mapping of process {pid}.");
                case FaultOutcome.Kill:
                    return Kill(process, Signal.SIGKILL, $"No frame for the fault at 0x{va:x} of process {pid}.");
            }
        }
        throw new InvalidOperationException($"The fault at 0x{va:x} of process {pid} was served {MaxFaultsPerAccess} times and still faults.");
    }
}
