using VmSpec.Runner.Results;

namespace VmSpec.Reports.Tests.Coverage;

/// <summary>Which accesses of a run count: every one it ran, and no more.</summary>
public class CoverageCollectorTests
{
    [Test]
    public void A_failing_run_counts_its_accesses_up_to_its_failing_step_s_and_none_after()
    {
        var scenario = InlineScenarios.Parse("sv39", "fails-at-the-write", """
            description: a read that passes, then a write whose expectation is wrong
            mmu: [sv39]
            steps:
              - map: { va: 0x1000, pa: 0x8020_1000, perm: r }
              - read: 0x1000
                expect: { pa: 0x8020_1000 }
              - write: 0x1000
                expect: { pa: 0x8020_1000 }
              - execute: 0x1000
                expect: { fault: instruction-page-fault, reason: permission }
            """);

        var run = CoverageProbe.Run(scenario);

        Assert.That(run.Results.Single().Outcome, Is.EqualTo(Outcome.Failed));
        var ops = run.Points.Select(point => point.Cell.Op).Distinct().ToList();
        Assert.That(ops, Is.EqualTo(new[] { "R", "W" }), "the write ran, and what it did is what an MMU did; the execute never ran");
    }
}
