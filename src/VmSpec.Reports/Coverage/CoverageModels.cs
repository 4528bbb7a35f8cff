namespace VmSpec.Reports.Coverage;

/// <summary>The coverage models of the built-in kinds.</summary>
public static class CoverageModels
{
    public static IReadOnlyList<CoverageModel> BuiltIn { get; } =
    [
        RadixCoverageModel.Sv39,
        new SingleLevelCoverageModel(),
        new SegmentationCoverageModel(),
    ];
}
