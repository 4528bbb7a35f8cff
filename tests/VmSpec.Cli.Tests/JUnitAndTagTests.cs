using System.Xml.Linq;
using VmSpec.Cli.Commands;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Tests;

/// <summary>
/// <c>vmspec run --junit FILE</c> writes what the console shows as JUnit XML, format errors
/// included; <c>--tag</c> runs only the scenarios with one of the tags.
/// </summary>
public class JUnitAndTagTests
{
    private const string Failing = "description: d\nspec: RISC-V Privileged, Sv39 walk step 3\nmmu: [sv39]\ntags: [walk]\nsteps:\n  - read: 0x1000\n";
    private const string Skipped = "description: d\nmmu: [sv39]\nrequires: [no-such-feature]\nsteps:\n  - read: 0x1000\n";
    private const string Broken = "description: d\nmmu: [sv39]\nsteps:\n  - read: nowhere+\n";

    [Test]
    public void The_report_has_a_case_per_run_with_its_outcome_and_a_broken_file_as_an_error()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/passes.yaml", ScratchSpecs.OneSv39Read);
        specs.Write("sv39/fails.yaml", Failing);
        specs.Write("tlb/skipped.yaml", Skipped);
        specs.Write("tlb/broken.yaml", Broken);
        var file = Path.Combine(specs.Root, "results.xml");

        var run = CliRun.Of("run", specs.Root, "--junit", file);

        Assert.That(run.ExitCode, Is.EqualTo(2), "a broken file is bad input");
        Assert.That(File.ReadAllText(file), Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        var root = XDocument.Load(file).Root!;
        Assert.That(Counts(root), Is.EqualTo(("4", "1", "1", "1")));
        Assert.That(root.Elements("testsuite").Select(suite => (string?)suite.Attribute("name")), Is.EqualTo(new[] { "format", "sv39", "tlb" }));

        var cases = root.Descendants("testcase").ToDictionary(element => (string)element.Attribute("name")!);
        Assert.That((string?)cases["passes [sv39]"].Attribute("classname"), Is.EqualTo("vmspec.sv39"));
        Assert.That(cases["passes [sv39]"].HasElements, Is.False, "a pass has no child");
        Assert.That((string?)cases["fails [sv39]"].Element("failure")!.Attribute("message"), Does.Match(@"fails\.yaml\(6,5\): read 0x1000 expected success, got load-page-fault"));
        Assert.That(cases["fails [sv39]"].Element("failure")!.Value, Does.EndWith("\nspec: RISC-V Privileged, Sv39 walk step 3"), "the body cites the rule");
        Assert.That((string?)cases["skipped [sv39]"].Element("skipped")!.Attribute("message"), Does.Contain("no-such-feature"));
        var broken = root.Elements("testsuite").First().Element("testcase")!;
        Assert.That((string?)broken.Element("error")!.Attribute("message"), Does.Match(@"broken\.yaml\(4,11\): error VMS\d{4}"));
    }

    [Test]
    public void A_message_with_characters_xml_cannot_hold_still_gives_a_well_formed_report()
    {
        var scenario = ScenarioParser.Parse("specs/sv39/odd.yaml", ScratchSpecs.OneSv39Read).Scenario!;
        var result = new ScenarioResult(scenario, BuiltInTargets.All[0], Outcome.Failed, "a plug-in said \0 and \u001b[31m and \ud800", 1, default);
        var text = new StringWriter();

        JUnitReport.Write([new TimedResult(result, TimeSpan.FromMilliseconds(1))], [], text);

        var failure = XDocument.Parse(text.ToString()).Descendants("failure").Single();
        Assert.That(failure.Value, Is.EqualTo("a plug-in said \uFFFD and \uFFFD[31m and \uFFFD"));
    }

    [Test]
    public void A_report_that_cannot_be_written_after_the_run_is_exit_2_with_the_results_printed()
    {
        Assume.That(File.Exists("/dev/full"), "a device that is always full (Linux)");
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);

        var run = CliRun.Of("run", specs.Root, "--junit", "/dev/full");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Output, Does.Contain("1 passed"));
        Assert.That(run.Error, Does.StartWith("error: cannot write /dev/full: "));
    }

    [Test]
    public void Tag_runs_only_the_scenarios_with_any_of_the_tags()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/untagged.yaml", ScratchSpecs.OneSv39Read);
        specs.Write("sv39/walk.yaml", Failing);
        specs.Write("sv39/tlb.yaml", ScratchSpecs.OneSv39Read.Replace("mmu: [sv39]\n", "mmu: [sv39]\ntags: [tlb, hit]\n"));

        var both = CliRun.Of("run", specs.Root, "--tag", "walk", "--tag", "hit");
        var one = CliRun.Of("run", specs.Root, "--tag", "hit");

        Assert.That(both.Output, Does.Contain("sv39/walk [sv39]").And.Contain("sv39/tlb [sv39]").And.Not.Contain("untagged"));
        Assert.That((both.ExitCode, one.ExitCode), Is.EqualTo((1, 0)));
        Assert.That(one.Output, Does.Contain("1 scenarios, 1 runs: 1 passed"));
    }

    [Test]
    public void A_tag_no_scenario_has_is_nothing_to_run()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);

        var run = CliRun.Of("run", specs.Root, "--tag", "nope");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("error: nothing ran: no scenario under").And.Contain("has the tag nope"));
    }

    private static (string?, string?, string?, string?) Counts(XElement root) =>
        ((string?)root.Attribute("tests"), (string?)root.Attribute("failures"), (string?)root.Attribute("errors"), (string?)root.Attribute("skipped"));
}
