using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
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

    [Test]
    public void A_paging_plug_in_of_one_level_is_no_radix_format_and_is_named_uncharted()
    {
        var flat = new MmuTarget("flat", machine => new OneLevelPaging(machine));
        var scenario = InlineScenarios.Parse("flat", "one", "description: d\nmmu: [flat]\nsteps:\n  - read: 0x1000\n    expect: { fault: load-page-fault }\n");

        var models = CoverageModels.For([.. BuiltInTargets.All, flat], [scenario], out var uncharted);

        // Only a walk over more than one level is the Sv39 walk over its own levels.
        Assert.That(models, Is.Empty);
        Assert.That(uncharted, Is.EqualTo(new[] { "flat" }));
    }

    /// <summary>A paging MMU with a single table level; choosing the models reads only its kind and levels.</summary>
    private sealed class OneLevelPaging(Machine machine) : PagingMmu(machine, [], AddressRule.Below(32))
    {
        public override string Kind => "flat";

        public override ulong PageSize => 4096;

        public override int Levels => 1;

        protected override int PageShiftAt(int level) => 12;

        protected override WalkOutcome Descend(AddressSpace space, ulong va, Walk? walk) => throw new NotSupportedException();

        protected override TableProbe Probe(AddressSpace space, ulong va, int targetLevel) => throw new NotSupportedException();

        public override string Dump() => throw new NotSupportedException();
    }
}
