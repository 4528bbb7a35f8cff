using VmSpec.Reports.Coverage;
using VmSpec.Runner.Targets;

namespace VmSpec.Reports.Tests.Coverage;

/// <summary>Which matrices a corpus gets: one per kind its scenarios name, whatever else is loaded.</summary>
public class CoverageModelsTests
{
    [Test]
    public void Only_the_kinds_the_scenarios_name_get_a_matrix()
    {
        var segmentation = InlineScenarios.Parse("segmentation", "one", "description: d\nmmu: [segmentation]\nsteps:\n  - read: \"0x1:0x0\"\n    expect: { fault: segmentation-fault }\n");
        var both = InlineScenarios.Parse("sv39", "two", "description: d\nmmu: [sv39, single-level]\nsteps:\n  - read: 0x1000\n    expect: { fault: load-page-fault }\n");

        Assert.That(CoverageModels.For(BuiltInTargets.All, [segmentation], out _).Select(model => model.Kind), Is.EqualTo(new[] { "segmentation" }));
        Assert.That(CoverageModels.For(BuiltInTargets.All, [both], out _).Select(model => model.Kind), Is.EqualTo(new[] { "sv39", "single-level" }));
    }

    [Test]
    public void A_kind_named_by_no_loaded_mmu_gets_no_matrix_and_is_not_called_uncharted()
    {
        var sv48 = InlineScenarios.Parse("sv48", "one", "description: d\nmmu: [sv48]\nsteps:\n  - read: 0x1000\n    expect: { fault: load-page-fault }\n");

        var models = CoverageModels.For(BuiltInTargets.All, [sv48], out var uncharted);

        Assert.That((models.Count, uncharted.Count), Is.EqualTo((0, 0)));
    }
}
