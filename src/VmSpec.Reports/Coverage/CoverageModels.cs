using VmSpec.Core.Paging;
using VmSpec.Runner.Execution;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

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
    /// The models for the kinds of <paramref name="targets"/> that some of <paramref name="scenarios"/>
    /// name (a kind no scenario names, or no target has, has no walk to chart, and would only show
    /// as a matrix of gaps): a built-in kind keeps its own; any other kind whose MMU is a <see cref="PagingMmu"/>
    /// of more than one level is a RISC-V radix format (the Sv39 PTE layout, walked over its own
    /// levels, as Sv48 is) and gets that model. The kinds no model fits are named in
    /// <paramref name="uncharted"/>: their accesses run but land in no matrix. When some scenarios
    /// run processes, the kernel's model comes last, with a column group for each paging kind they run on.
    /// </summary>
    public static IReadOnlyList<CoverageModel> For(IReadOnlyList<MmuTarget> targets, IReadOnlyCollection<Scenario> scenarios, out IReadOnlyList<string> uncharted)
    {
        var named = scenarios.SelectMany(scenario => scenario.Mmu).ToHashSet(StringComparer.Ordinal);
        var models = BuiltIn.Where(model => named.Contains(model.Kind) && targets.Any(target => target.Kind == model.Kind)).ToList();
        var unfit = new List<string>();
        foreach (var target in targets)
        {
            if (!named.Contains(target.Kind) || models.Any(model => model.Kind == target.Kind) || unfit.Contains(target.Kind))
                continue;
            // The kernel's section has its own name; a kind that takes it would share its matrix.
            if (target.Kind == KernelCoverageModel.Name)
            {
                unfit.Add(target.Kind);
                continue;
            }
            // What the target said of itself when it was loaded: no second instance, no second call into a plug-in.
            if (target.ImplementationType.IsAssignableTo(typeof(PagingMmu)) && target.Levels > 1)
                models.Add(new RadixCoverageModel(target.Kind, target.Levels));
            else
                unfit.Add(target.Kind);
        }
        uncharted = unfit;

        var kernelKinds = KernelKinds(targets, scenarios);
        if (kernelKinds.Count > 0)
            models.Add(new KernelCoverageModel(kernelKinds));
        return models;
    }

    /// <summary>The paging kinds, in target order, that a scenario running processes lists and a target implements: where the kernel runs.</summary>
    private static List<string> KernelKinds(IReadOnlyList<MmuTarget> targets, IReadOnlyCollection<Scenario> scenarios)
    {
        var listed = scenarios.Where(ProcessSteps.UsesKernel).SelectMany(scenario => scenario.Mmu).ToHashSet(StringComparer.Ordinal);
        return targets
            .Where(target => listed.Contains(target.Kind) && target.ImplementationType.IsAssignableTo(typeof(IPagingMmu)))
            .Select(target => target.Kind)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
