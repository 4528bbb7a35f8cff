using System.Xml.Linq;
using VmSpec.Cli.Commands;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Tests;

/// <summary>
/// A CI server shows each area's suite with its own counts, so each <c>testsuite</c> of
/// <c>--junit</c> counts its own cases: a skip is counted as skipped, not as passed, and a failure
/// in one area is not another area's.
/// </summary>
public class JUnitSuiteCountsTests
{
    private static readonly Scenario Sv39 = ScenarioParser.Parse("specs/sv39/one.yaml", ScratchSpecs.OneSv39Read).Scenario!;
    private static readonly Scenario Tlb = ScenarioParser.Parse("specs/tlb/one.yaml", ScratchSpecs.OneSv39Read).Scenario!;

    [Test]
    public void Each_area_suite_counts_its_own_failures_and_skips()
    {
        var target = BuiltInTargets.All[0];
        TimedResult Run(Scenario scenario, Outcome outcome, string? message = null) =>
            new(new ScenarioResult(scenario, target, outcome, message, 1, default), TimeSpan.FromMilliseconds(1));
        var text = new StringWriter();

        JUnitReport.Write(
            [Run(Sv39, Outcome.Passed), Run(Sv39, Outcome.Failed, "one.yaml(5,5): wrong"), Run(Tlb, Outcome.Skipped, "needs no-such-feature"), Run(Tlb, Outcome.Passed)],
            [],
            text);

        var suites = XDocument.Parse(text.ToString()).Root!.Elements("testsuite").ToDictionary(suite => (string)suite.Attribute("name")!);
        Assert.That(Counts(suites["sv39"]), Is.EqualTo(("2", "1", "0", "0")));
        Assert.That(Counts(suites["tlb"]), Is.EqualTo(("2", "0", "0", "1")));
    }

    [Test]
    public void A_skip_reason_with_characters_xml_cannot_hold_still_gives_a_well_formed_report()
    {
        var skipped = new ScenarioResult(Sv39, BuiltInTargets.All[0], Outcome.Skipped, "a plug-in lacks \0 and \u001b", 0, default);
        var text = new StringWriter();

        JUnitReport.Write([new TimedResult(skipped, TimeSpan.Zero)], [], text);

        var skip = XDocument.Parse(text.ToString()).Descendants("skipped").Single();
        Assert.That((string?)skip.Attribute("message"), Is.EqualTo("a plug-in lacks \uFFFD and \uFFFD"));
    }

    private static (string?, string?, string?, string?) Counts(XElement suite) =>
        ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures"), (string?)suite.Attribute("errors"), (string?)suite.Attribute("skipped"));
}
