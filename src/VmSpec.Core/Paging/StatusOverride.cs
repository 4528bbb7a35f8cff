using System.Runtime.CompilerServices;

namespace VmSpec.Core.Paging;

/// <summary>
/// An access's SUM and MXR overrides packed into one integer, two bits each (set, value), for
/// passing them out of an inlined fast path: two nullable bools built a byte at a time and then
/// passed as wider words would stall on store forwarding.
/// </summary>
internal static class StatusOverride
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Pack(bool? sum, bool? mxr) => Bits(sum) | Bits(mxr) << 2;

    public static bool? Sum(int packed) => Unpack(packed);

    public static bool? Mxr(int packed) => Unpack(packed >> 2);

    private static int Bits(bool? value) => value is { } set ? (set ? 3 : 1) : 0;

    private static bool? Unpack(int bits) => (bits & 1) != 0 ? (bits & 2) != 0 : null;
}
