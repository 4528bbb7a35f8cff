namespace VmSpec.Core.Kernel;

/// <summary>
/// One page of user data, the kernel's <c>struct page</c>: it lives in a frame (resident) or in a
/// swap slot, and knows who holds it and whose PTEs point at it.
/// <para>
/// <see cref="Holders"/> is the reference count copy-on-write needs: the address spaces that hold
/// a private page (fork adds one; a write by a holder copies while it is above one, and just
/// restores write access once it is one), or 1 for a page owned by a shared region.
/// <see cref="MappedBy"/> is the reverse map eviction needs: the spaces whose leaf PTE for
/// <see cref="Va"/> points at the frame. A page sits at one virtual address in every space that
/// maps it, because only fork copies mappings and fork keeps addresses.
/// </para>
/// </summary>
internal sealed class Page(ulong va, ulong frame, bool kernelOwned = false)
{
    public const int NoSlot = -1;

    public ulong Va { get; } = va;

    /// <summary>The first frame, while <see cref="IsResident"/>.</summary>
    public ulong Frame { get; set; } = frame;

    /// <summary>The swap slot holding the contents, while not resident.</summary>
    public int SwapSlot { get; set; } = NoSlot;

    public bool IsResident => SwapSlot == NoSlot;

    /// <summary>The clock page: never evicted, never freed by a process.</summary>
    public bool KernelOwned { get; } = kernelOwned;

    public int Holders { get; set; } = 1;

    public HashSet<ProcessSpace> MappedBy { get; } = [];

    /// <summary>Second-chance bit: set on every access through the kernel, cleared by the clock hand.</summary>
    public bool Referenced { get; set; } = true;

    /// <summary>Above zero while a fault or copy is using the frame, so eviction passes it by.</summary>
    public int Pins { get; set; }

    /// <summary>This page's place in the eviction ring while resident.</summary>
    public LinkedListNode<Page>? RingNode { get; set; }
}
