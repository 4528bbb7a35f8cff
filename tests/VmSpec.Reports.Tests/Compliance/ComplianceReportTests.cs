using VmSpec.Core.Paging;
using VmSpec.Reports.Compliance;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Reports.Tests.Compliance;

/// <summary>The implementation × area table: counts, failures with their location, and both renderings.</summary>
public class ComplianceReportTests
{
    private static readonly Scenario Passing = InlineScenarios.Parse("sv39", "passing", PassingYaml);

    private const string PassingYaml = """
        description: a mapped page translates
        mmu: [sv39, single-level]
        steps:
          - map: { va: 0x1000, pa: 0x8020_1000, perm: r }
          - read: 0x1000
            expect: { pa: 0x8020_1000 }
        """;

    // The expected pa is wrong on purpose: the page maps to 0x8020_1000.
    private static readonly Scenario Failing = InlineScenarios.Parse("sv39", "failing", FailingYaml);

    private const string FailingYaml = """
        description: a wrong expectation <fails>
        mmu: [sv39]
        steps:
          - map: { va: 0x1000, pa: 0x8020_1000, perm: r }
          - read: 0x1000
            expect: { pa: 0x8020_2000 }
        spec: RISC-V Privileged, Sv39 walk step 8 <pa.ppn>
        """;

    private static readonly Scenario NeedsSuperpages = InlineScenarios.Parse("tlb", "superpages", """
        description: only an MMU with superpages runs this
        mmu: [sv39, single-level]
        requires: [superpages]
        steps:
          - map: { va: 0x1000, pa: 0x8020_1000, perm: r, accessed: true }
          - read: 0x1000
        """);

    private static readonly Scenario Segments = InlineScenarios.Parse("segmentation", "segment", """
        description: a segment translates
        mmu: [segmentation]
        steps:
          - segment: { selector: 0x1, base: 0x8004_0000, size: 0x100, perm: r }
          - read: "0x1:0x10"
            expect: { pa: 0x8004_0010 }
        """);

    private static ComplianceReport Report() => ComplianceReport.Run([Passing, Failing, NeedsSuperpages, Segments], BuiltInTargets.All);

    [Test]
    public void Each_cell_counts_the_runs_of_its_implementation_in_its_area()
    {
        var report = Report();

        Assert.That(report.Areas, Is.EqualTo(new[] { "segmentation", "sv39", "tlb" }));
        Assert.That(report["sv39", "sv39"], Has.Property("Passed").EqualTo(1).And.Property("Failed").EqualTo(1).And.Property("Skipped").EqualTo(0));
        Assert.That(report["single-level", "sv39"], Has.Property("Passed").EqualTo(1).And.Property("Failed").EqualTo(0));
        Assert.That(report["single-level", "tlb"], Has.Property("Skipped").EqualTo(1).And.Property("Total").EqualTo(1), "single-level has no superpages");
        Assert.That(report["sv39", "tlb"], Has.Property("Passed").EqualTo(1));
        Assert.That(report["segmentation", "sv39"].Total, Is.Zero, "no sv39 scenario names segmentation");
        Assert.That(report.Totals("sv39"), Has.Property("Passed").EqualTo(2).And.Property("Failed").EqualTo(1));
    }

    [Test]
    public void Two_implementations_of_one_kind_each_get_a_row_with_their_own_runs()
    {
        var mine = new MmuTarget("my-sv39", machine => new Sv39Mmu(machine));

        var report = ComplianceReport.Run([Passing, Failing], [.. BuiltInTargets.All, mine]);

        Assert.That(report.Implementations, Does.Contain(new Implementation("my-sv39", "sv39")).And.Contain(new Implementation("sv39", "sv39")));
        Assert.That(report["my-sv39", "sv39"], Has.Property("Passed").EqualTo(1).And.Property("Failed").EqualTo(1));
        Assert.That(report["sv39", "sv39"], Has.Property("Passed").EqualTo(1).And.Property("Failed").EqualTo(1), "the other's runs are not added in");
    }

    [Test]
    public void Failures_are_listed_in_file_order_whatever_order_the_scenarios_ran_in()
    {
        var second = InlineScenarios.Parse("sv39", "z-failing", FailingYaml);

        var failures = ComplianceReport.Run([second, Failing], [BuiltInTargets.All[0]])["sv39", "sv39"].Failures;

        Assert.That(failures.Select(failure => failure.ScenarioPath), Is.EqualTo(new[] { Failing.FilePath, second.FilePath }));
    }

    [Test]
    public void A_failure_is_listed_by_its_first_line_which_starts_at_the_failing_step()
    {
        var failure = Report()["sv39", "sv39"].Failures.Single();

        Assert.That(failure.ScenarioPath, Is.EqualTo(Failing.FilePath));
        Assert.That(failure.FirstLine, Does.StartWith(Failing.FilePath + "(5,").And.Not.Contain('\n'));
    }

    [Test]
    public void The_markdown_table_has_a_row_per_implementation_and_lists_failures()
    {
        var text = new StringWriter();

        ComplianceMarkdownWriter.Write(Report(), text);

        var output = text.ToString();
        Assert.That(output, Does.Contain("| implementation | kind | segmentation | sv39 | tlb | total |"));
        Assert.That(output, Does.Contain("| sv39 | sv39 | — | 1 / **1** / 0 | 1 / 0 / 0 | 2 / **1** / 0 |"));
        Assert.That(output, Does.Contain("### sv39 — sv39").And.Contain(Failing.FilePath + "(5,"));
    }

    [Test]
    public void The_html_page_is_self_contained_and_escapes_what_it_prints()
    {
        var text = new StringWriter();

        ComplianceHtmlWriter.Write(Report(), text);

        var html = text.ToString();
        Assert.That(html, Does.StartWith("<!DOCTYPE html>").And.Contain("<style>").And.Contain("</html>"));
        Assert.That(html, Does.Not.Contain("http:").And.Not.Contain("https:").And.Not.Contain("<script")
            .And.Not.Contain("<link").And.Not.Contain("@import").And.Not.Contain("url(").And.Not.Contain("src="));
        Assert.That(html, Does.Contain("<td class=\"fail\"><a href=\"#failures-0-1\">1 / 1 / 0</a></td>").And.Contain("sv39: 1 failure(s)"));
        Assert.That(html, Does.Contain("spec: RISC-V Privileged, Sv39 walk step 8 &lt;pa.ppn&gt;</pre></details>"), "the whole report folds under the first line");
    }

    [Test]
    public void The_html_page_lists_failures_by_implementation_and_area_and_a_failing_cell_links_to_its_own()
    {
        var failingTlb = InlineScenarios.Parse("tlb", "failing", FailingYaml);
        var text = new StringWriter();

        ComplianceHtmlWriter.Write(ComplianceReport.Run([Passing, Failing, failingTlb], BuiltInTargets.All), text);

        // Areas sv39 and tlb are columns 0 and 1; sv39 is the first implementation, the only one that fails.
        var html = text.ToString();
        Assert.That(html, Does.Contain("<td class=\"fail\"><a href=\"#failures-0-0\">1 / 1 / 0</a></td>")
            .And.Contain("<td class=\"fail\"><a href=\"#failures-0-1\">0 / 1 / 0</a></td>")
            .And.Contain("<td class=\"fail\"><a href=\"#failures-0\">1 / 2 / 0</a></td>"));
        Assert.That(html, Does.Contain("<h2 id=\"failures-0\">sv39: 2 failure(s)</h2>"));
        var sv39 = html.IndexOf("<details id=\"failures-0-0\"><summary>sv39: 1 failure(s)</summary>", StringComparison.Ordinal);
        var tlb = html.IndexOf("<details id=\"failures-0-1\"><summary>tlb: 1 failure(s)</summary>", StringComparison.Ordinal);
        Assert.That(sv39, Is.GreaterThanOrEqualTo(0));
        Assert.That(tlb, Is.GreaterThan(sv39));
        Assert.That(html.IndexOf(Failing.FilePath, sv39, StringComparison.Ordinal), Is.LessThan(tlb), "the sv39 failure sits in the sv39 block");
        Assert.That(html.IndexOf(failingTlb.FilePath, tlb, StringComparison.Ordinal), Is.GreaterThan(tlb), "the tlb failure sits in the tlb block");
    }

    [Test]
    public void The_html_page_tells_a_cell_of_skipped_runs_only_from_a_passing_one()
    {
        var text = new StringWriter();

        ComplianceHtmlWriter.Write(Report(), text);

        // single-level has no superpages: its one tlb run is skipped, and that is not a pass.
        Assert.That(text.ToString(), Does.Contain("<td class=\"skip\">0 / 0 / 1</td>").And.Not.Contain("<td class=\"pass\">0 / 0 / 1</td>"));
    }

    [Test]
    public void The_html_page_escapes_an_implementation_s_name_and_an_area()
    {
        var scenario = InlineScenarios.Parse("a<b>&c", "passing", PassingYaml);
        var target = new MmuTarget("<i>mine</i> & co", machine => new Sv39Mmu(machine));
        var text = new StringWriter();

        ComplianceHtmlWriter.Write(ComplianceReport.Run([scenario], [target]), text);

        var html = text.ToString();
        Assert.That(html, Does.Contain("<th>a&lt;b&gt;&amp;c</th>").And.Contain("<td>&lt;i&gt;mine&lt;/i&gt; &amp; co</td>"));
        Assert.That(html, Does.Not.Contain("<i>"));
    }
}
