using VmSpec.Core.Paging;
using VmSpec.Runner.Results;
using VmSpec.Scenarios;

namespace VmSpec.Conformance.Tests;

/// <summary>
/// What a generated test case reports: a pass returns, a skip is an ignored test with its reason
/// (never a pass, or CI would count a scenario the MMU cannot run as conformance), a failure fails
/// with the runner's message, and an MMU whose Kind is not the kind it was registered as fails.
/// </summary>
public class ConformanceHarnessTests
{
    private const string Passes = "description: d\nmmu: [sv39]\nsteps:\n  - map: { va: 0x1000, pa: 0x8020_1000, perm: r }\n  - read: 0x1000\n";

    private static readonly ConformanceHarness Harness = new([
        new DeclaredTarget("sv39", "sv39", machine => new Sv39Mmu(machine)),
        new DeclaredTarget("sv39-registered-as-single-level", "single-level", machine => new Sv39Mmu(machine)),
    ]);

    private static Scenario Parse(string yaml) => ScenarioParser.Parse("specs/sv39/case.yaml", yaml).Scenario!;

    [Test]
    public void A_passing_run_returns() =>
        Assert.DoesNotThrow(() => Harness.Run(Parse(Passes), "sv39"));

    [Test]
    public void A_skipped_run_is_an_ignored_test_with_its_reason()
    {
        var scenario = Parse(Passes.Replace("mmu: [sv39]\n", "mmu: [sv39]\nrequires: [no-such-feature]\n"));

        var ignored = Assert.Throws<IgnoreException>(() => Harness.Run(scenario, "sv39"));

        Assert.That(ignored.Message, Does.Contain("no-such-feature"));
    }

    [Test]
    public void A_failing_run_fails_with_the_runners_message()
    {
        var scenario = Parse(Passes.Replace("perm: r", "perm: w"));

        var failed = Assert.Throws<AssertionException>(() => Harness.Run(scenario, "sv39"));

        Assert.That(failed.Message, Does.Contain("case.yaml("));
    }

    [Test]
    public void An_mmu_whose_kind_is_not_the_registered_kind_fails()
    {
        var result = Harness.Execute(Parse(Passes.Replace("[sv39]", "[single-level]")), "sv39-registered-as-single-level");

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Failed));
        Assert.That(result.Message, Does.Contain("registered as kind single-level but its Kind is sv39"));
    }
}
