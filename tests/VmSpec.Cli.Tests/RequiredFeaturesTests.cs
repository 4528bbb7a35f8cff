using VmSpec.Runner;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Tests;

/// <summary>
/// <c>requires</c> decides between running and skipping: an MMU that declares every feature listed
/// runs the scenario, so its expectations are compared; one that lacks any is skipped with the
/// features it lacks, never failed. A skip where a run was due would pass a wrong expectation unseen.
/// </summary>
public class RequiredFeaturesTests
{
    [TestCase("asid, superpages")]
    [TestCase("superpages, asid")]
    public void An_mmu_with_every_required_feature_runs_the_scenario(string features)
    {
        // Sv39 declares superpages and asid.
        var result = new ScenarioRunner().Run(WrongPaRequiring(features), Target("sv39"));

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed), result.Message);
        Assert.That(result.Message, Does.Contain("expected pa 0x8020_0004"));
    }

    [TestCase("asid, superpages")]
    [TestCase("superpages, asid")]
    public void An_mmu_lacking_one_required_feature_skips_the_scenario_naming_that_feature(string features)
    {
        // Single-level declares asid but not superpages, wherever it stands in the list.
        var result = new ScenarioRunner().Run(WrongPaRequiring(features), Target("single-level"));

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Skipped), result.Message);
        Assert.That(result.Message, Does.Contain("superpages").And.Not.Contain("asid"));
    }

    /// <summary>A scenario for both paging kinds whose read expects a wrong pa: only a run that compares it fails.</summary>
    private static Scenario WrongPaRequiring(string features) => InlineScenarios.Parse("tlb", "needs-features",
        $$"""
        description: d
        mmu: [sv39, single-level]
        requires: [{{features}}]
        steps:
          - map: { va: 0x1000, pa: 0x8020_0000, perm: r }
          - read: 0x1000
            expect: { pa: 0x8020_0004 }
        """);

    private static MmuTarget Target(string kind) => BuiltInTargets.All.Single(target => target.Kind == kind);
}
