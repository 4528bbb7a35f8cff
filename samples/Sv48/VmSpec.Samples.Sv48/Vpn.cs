namespace VmSpec.Samples.Sv48;

/// <summary>The VPN fields of a virtual address: VPN[i] is the entry's index in the level-i table.</summary>
public static class Vpn
{
    /// <summary>VPN[<paramref name="level"/>] of va, 0 to 511.</summary>
    public static ulong Index(ulong va, int level) =>
        (va >> Sv48Layout.PageShiftAt(level)) & (Sv48Layout.EntriesPerTable - 1);
}
