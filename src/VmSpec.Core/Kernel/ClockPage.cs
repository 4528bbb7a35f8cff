using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

/// <summary>
/// The vDSO-like clock: one frame the kernel owns for its whole life, mapped read-only and
/// user-readable at the top page of every process, whose first 8 bytes are the tick count. A
/// process reads the time with a plain load; a store faults and, with no VMA allowing it, is SIGSEGV.
/// </summary>
internal sealed class ClockPage(Machine machine, Page page)
{
    public const PteFlags Permissions = PteFlags.R;

    public Page Page { get; } = page;

    public ulong Ticks { get; private set; }

    public void Advance(ulong ticks)
    {
        Ticks += ticks;
        machine.Memory.TryWriteUInt64(Page.Frame, Ticks);
    }
}
