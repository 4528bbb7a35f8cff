using System.Runtime.CompilerServices;
using VmSpec.Core.Mmu;

namespace VmSpec.Core.Paging;

/// <summary>
/// <see cref="LeafCheck.HitAllows"/> tabulated: for each value of a cached entry's flags and each
/// SUM and MXR setting, one bit per kind of access (type and mode) the entry may answer. The hit
/// cache tests a bit instead of branching through the rules; the table is built by asking
/// <see cref="LeafCheck.HitAllows"/> itself, so the two cannot disagree.
/// </summary>
internal static class HitPermission
{
    private const int Types = 3;
    private const int Modes = 2;

    private static readonly byte[] AllowedKinds = Build();

    /// <summary>The bit of an access kind; -1 for a type or mode outside its enum, which the full rules must judge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int KindOf(AccessType type, PrivilegeMode mode) =>
        (uint)type < Types && (uint)mode < Modes ? (int)type * Modes + (int)mode : -1;

    /// <summary>The kinds of access an entry with <paramref name="cached"/> flags may answer under these SUM and MXR settings, one bit each.</summary>
    public static byte KindsAllowed(PteFlags cached, bool sum, bool mxr) =>
        AllowedKinds[((byte)cached << 2) | (sum ? 2 : 0) | (mxr ? 1 : 0)];

    /// <summary>Whether <paramref name="kinds"/> (from <see cref="KindsAllowed"/>) has <paramref name="kind"/> (from <see cref="KindOf"/>, not -1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Allows(byte kinds, int kind) => ((kinds >> kind) & 1) != 0;

    private static byte[] Build()
    {
        var table = new byte[256 * 4];
        for (var i = 0; i < table.Length; i++)
            for (var type = 0; type < Types; type++)
                for (var mode = 0; mode < Modes; mode++)
                {
                    var context = new AccessContext((AccessType)type, (PrivilegeMode)mode, Sum: (i & 2) != 0, Mxr: (i & 1) != 0, AdMode.Hardware);
                    if (LeafCheck.HitAllows((PteFlags)(i >> 2), context))
                        table[i] |= (byte)(1 << (type * Modes + mode));
                }
        return table;
    }
}
