namespace VmSpec.Core.Mmu;

/// <summary>
/// One table entry a translation read: the level (2 is the Sv39 root, 0 the last), its index in
/// its table, where it lives in physical memory and the 64-bit value found there. The segmentation
/// unit reports its descriptor read the same way, named <c>SEG</c>.
/// </summary>
public readonly record struct WalkStep(int Level, ulong Index, ulong Address, ulong Value, string? Table = null)
{
    public override string ToString() =>
        $"{Table ?? "L" + Level}[{Index:x3}] 0x{Value:x16}";
}

/// <summary>The entries a translation read, in order, so a failure can print the path it took.</summary>
public sealed class Walk
{
    private readonly List<WalkStep> _steps = new(3);

    public IReadOnlyList<WalkStep> Steps => _steps;

    public void Add(WalkStep step) => _steps.Add(step);

    public override string ToString() => string.Join(" -> ", _steps);
}
