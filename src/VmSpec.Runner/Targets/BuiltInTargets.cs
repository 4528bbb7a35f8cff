using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Core.Segmentation;

namespace VmSpec.Runner.Targets;

/// <summary>The MMUs the core ships, one per kind.</summary>
public static class BuiltInTargets
{
    public static IReadOnlyList<MmuTarget> All { get; } =
    [
        new MmuTarget(MmuKinds.Sv39, machine => new Sv39Mmu(machine)),
        new MmuTarget(MmuKinds.SingleLevel, machine => new SingleLevelMmu(machine)),
        new MmuTarget(MmuKinds.Segmentation, machine => new SegmentationUnit(machine)),
    ];
}
