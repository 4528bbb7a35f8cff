using VmSpec.Core.Paging;
using VmSpec.Core.Segmentation;
using VmSpec.Core.Tlb;

namespace VmSpec.Core;

/// <summary>
/// Everything a scenario can set about the machine before its first step. Defaults are the
/// scenario format's: 16 MiB of RAM at 0x8000_0000, a 64-entry ASID-tagged TLB, hardware A/D.
/// </summary>
public sealed record MachineOptions
{
    public const ulong DefaultRamBase = 0x8000_0000;
    public const ulong DefaultRamSize = 16UL << 20;

    public ulong RamBase { get; init; } = DefaultRamBase;

    public ulong RamSize { get; init; } = DefaultRamSize;

    public TlbOptions Tlb { get; init; } = new();

    public Sv39Options Sv39 { get; init; } = new();

    public SingleLevelOptions SingleLevel { get; init; } = new();

    public SegmentationOptions Segmentation { get; init; } = new();

    /// <summary>
    /// Whether a translation records the table entries it read in <see cref="Mmu.Translation.Walk"/>.
    /// Off by default: the trace is a diagnostic, for printing the path a failing access took, and
    /// recording it allocates on every walk, which would cost more than the walk itself. The
    /// scenario runner turns it on so its failure messages can show the path.
    /// </summary>
    public bool TraceWalks { get; init; }
}
