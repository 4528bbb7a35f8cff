namespace VmSpec.Core.Paging;

/// <summary>The low eight bits of a PTE, in the order of the privileged spec.</summary>
[Flags]
public enum PteFlags : byte
{
    None = 0,
    V = 1 << 0,
    R = 1 << 1,
    W = 1 << 2,
    X = 1 << 3,
    U = 1 << 4,
    G = 1 << 5,
    A = 1 << 6,
    D = 1 << 7,

    Rw = R | W,
    Rx = R | X,
    Rwx = R | W | X,
    Permissions = R | W | X | U,
}

public static class PteFlagsText
{
    /// <summary>Flags as the spec's diagrams print them, high bit first: <c>DAGUXWRV</c>, a dash for a clear bit.</summary>
    public static string Format(PteFlags flags)
    {
        Span<char> text = stackalloc char[8];
        const string letters = "VRWXUGAD";
        for (var bit = 0; bit < 8; bit++)
            text[7 - bit] = ((int)flags & (1 << bit)) != 0 ? letters[bit] : '-';
        return new string(text);
    }
}
