namespace VmSpec.Core.Kernel;

/// <summary>
/// Hands each address space an ASID, lowest free first. ASID 0 is the kernel's idle space (the MMU's
/// first space), which runs while no process does, so processes get 1 and up. A freed ASID is
/// reused only after the kernel has flushed its TLB entries.
/// </summary>
internal sealed class AsidAllocator
{
    public const ushort Idle = 0;

    private readonly SortedSet<ushort> _freed = [];
    private int _next = Idle + 1;

    public bool TryAlloc(out ushort asid)
    {
        if (_freed.Count > 0)
        {
            asid = _freed.Min;
            _freed.Remove(asid);
            return true;
        }
        asid = 0;
        if (_next > ushort.MaxValue)
            return false;
        asid = (ushort)_next++;
        return true;
    }

    public void Free(ushort asid) => _freed.Add(asid);
}
