using VmSpec.Core;
using VmSpec.Core.Paging;
using VmSpec.Core.Segmentation;
using VmSpec.Core.Tlb;
using VmSpec.Scenarios;

namespace VmSpec.Runner.Execution;

/// <summary>A scenario's top-level settings as the machine's options.</summary>
internal static class MachineOptionsMapper
{
    public static MachineOptions From(Scenario scenario) => new()
    {
        RamBase = scenario.Memory.Base,
        RamSize = scenario.Memory.Size,
        Tlb = new TlbOptions(scenario.Tlb.Entries, scenario.Tlb.Ways, scenario.Tlb.Asid),
        Sv39 = new Sv39Options(
            scenario.Sv39.Ad == AccessDirtyPolicy.Fault ? AdMode.Fault : AdMode.Hardware,
            scenario.Sv39.Sum,
            scenario.Sv39.Mxr),
        SingleLevel = new SingleLevelOptions(scenario.Paging.PageSize, scenario.Paging.VaBits),
        Segmentation = new SegmentationOptions(
            scenario.Segmentation.Mode == SegmentationMode.TopBits ? SegmentAddressing.TopBits : SegmentAddressing.Explicit,
            scenario.Segmentation.AddressBits,
            scenario.Segmentation.SelectorBits,
            scenario.Segmentation.OffsetBits),
        TraceWalks = true,
    };
}
