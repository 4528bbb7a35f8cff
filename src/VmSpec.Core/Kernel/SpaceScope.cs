using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

/// <summary>Switches the MMU to an address space for an edit and back to the one running before.</summary>
internal readonly struct SpaceScope : IDisposable
{
    private readonly IPagingMmu _mmu;
    private readonly ushort _previous;

    public SpaceScope(IPagingMmu mmu, ushort asid)
    {
        _mmu = mmu;
        _previous = mmu.CurrentAsid;
        if (_previous != asid)
            Switch(mmu, asid);
    }

    public void Dispose()
    {
        if (_mmu.CurrentAsid != _previous)
            Switch(_mmu, _previous);
    }

    /// <summary>Switches to a space that exists: a refusal is a bug, thrown.</summary>
    public static void Switch(IPagingMmu mmu, ushort asid)
    {
        // Both spaces exist already, so the switch allocates nothing and cannot fail.
        var result = mmu.SwitchAddressSpace(asid);
        if (!result.IsOk)
            throw new InvalidOperationException($"Switching to existing ASID {asid} failed: {result}.");
    }
}
