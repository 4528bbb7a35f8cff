using VmSpec.Core.Paging;
using VmSpec.Runner.Targets;

namespace VmSpec.Reports.Coverage;

/// <summary>The coverage models of the built-in kinds, and the one a plug-in's kind gets.</summary>
public static class CoverageModels
{
    public static IReadOnlyList<CoverageModel> BuiltIn { get; } =
    [
        RadixCoverageModel.Sv39,
        new SingleLevelCoverageModel(),
        new SegmentationCoverageModel(),
    ];

    /// <summary>
    /// The models for the kinds of <paramref name="targets"/>: a built-in kind keeps its own; any
    /// other kind whose MMU is a <see cref="PagingMmu"/> of more than one level is a RISC-V radix
    /// format (the Sv39 PTE layout, walked over its own levels, as Sv48 is) and gets that model.
    /// The kinds no model fits are named in <paramref name="uncharted"/>: their accesses run but
    /// land in no matrix.
    /// </summary>
    public static IReadOnlyList<CoverageModel> For(IEnumerable<MmuTarget> targets, out IReadOnlyList<string> uncharted)
    {
        var models = BuiltIn.ToList();
        var unfit = new List<string>();
        foreach (var target in targets)
        {
            if (models.Any(model => model.Kind == target.Kind) || unfit.Contains(target.Kind))
                continue;
            // What the target said of itself when it was loaded: no second instance, no second call into a plug-in.
            if (target.ImplementationType.IsAssignableTo(typeof(PagingMmu)) && target.Levels > 1)
                models.Add(new RadixCoverageModel(target.Kind, target.Levels));
            else
                unfit.Add(target.Kind);
        }
        uncharted = unfit;
        return models;
    }
}
