using System.Text.RegularExpressions;
using VmSpec.Core.Paging;
using VmSpec.Reports.Compliance;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Reports.Tests.Compliance;

/// <summary>
/// The markdown table stays a table whatever it holds: every row has as many cells as the header
/// and the separator, with no area, and with a <c>|</c> (or a backslash) in an area folder or an implementation's name.
/// Names, areas and failure lines show as written: nothing in them is read as markup.
/// </summary>
public class ComplianceMarkdownTableTests
{
    private const string Passing = """
        description: a mapped page translates
        mmu: [sv39]
        steps:
          - map: { va: 0x1000, pa: 0x8020_1000, perm: r }
          - read: 0x1000
            expect: { pa: 0x8020_1000 }
        """;

    [Test]
    public void A_report_without_areas_has_a_header_of_as_many_cells_as_its_separator()
    {
        var report = ComplianceReport.From([new Implementation("sv39", "sv39")], []);

        var table = TableOf(report);

        Assert.That(table, Is.EqualTo(new[] { "| implementation | kind | total |", "|---|---|--:|", "| sv39 | sv39 | — |" }));
    }

    [Test]
    public void A_pipe_in_an_area_or_a_name_is_escaped_and_every_row_keeps_the_header_s_cells()
    {
        var scenario = InlineScenarios.Parse("odd|area", "passing", Passing);
        var target = new MmuTarget(@"sv39\|mine", machine => new Sv39Mmu(machine));

        var table = TableOf(ComplianceReport.Run([scenario], [target]));

        Assert.That(table[0], Is.EqualTo(@"| implementation | kind | odd\|area | total |"));
        Assert.That(table[2], Is.EqualTo(@"| sv39\\\|mine | sv39 | 1 / 0 / 0 | 1 / 0 / 0 |"), "the name's own backslash is kept, then its pipe escaped");
        Assert.That(table.Select(CellCount), Is.All.EqualTo(4), string.Join("\n", table));
    }

    private const string Failing = """
        description: a mapped page translates elsewhere
        mmu: [sv39]
        steps:
          - map: { va: 0x1000, pa: 0x8020_1000, perm: r }
          - read: 0x1000
            expect: { pa: 0x8020_2000 }
        """;

    [Test]
    public void Markup_in_an_area_or_a_name_is_escaped_in_the_table_and_the_failure_heading()
    {
        var scenario = InlineScenarios.Parse("a<i>&amp;*x*", "failing", Failing);
        var target = new MmuTarget("my_mmu #1", machine => new Sv39Mmu(machine));

        var markdown = MarkdownOf(ComplianceReport.Run([scenario], [target]));

        Assert.That(markdown, Does.Contain(@"| implementation | kind | a\<i\>\&amp;\*x\* | total |"));
        Assert.That(markdown, Does.Contain(@"### my\_mmu \#1 — a\<i\>\&amp;\*x\*"));
    }

    [Test]
    public void Brackets_in_a_name_are_escaped_so_that_it_is_not_read_as_a_link()
    {
        var scenario = InlineScenarios.Parse("sv39", "passing", Passing);
        var target = new MmuTarget("[mine](x)", machine => new Sv39Mmu(machine));

        var table = TableOf(ComplianceReport.Run([scenario], [target]));

        Assert.That(table[2], Does.StartWith(@"| \[mine\](x) | sv39 | "));
    }

    [Test]
    public void A_failure_line_keeps_its_backticks_in_a_longer_fence()
    {
        var scenario = InlineScenarios.Parse("x`y", "failing", Failing);
        var target = new MmuTarget("sv39", machine => new Sv39Mmu(machine));
        var report = ComplianceReport.Run([scenario], [target]);
        var firstLine = report["sv39", "x`y"].Failures.Single().FirstLine;

        var markdown = MarkdownOf(report);

        Assert.That(firstLine, Does.Contain("x`y"), "the failure names the file, backtick and all");
        Assert.That(markdown, Does.Contain($"- ``{firstLine}``"));
    }

    [Test]
    public void A_line_break_in_a_failing_file_s_path_does_not_end_its_list_item()
    {
        var scenario = InlineScenarios.Parse("x\ry", "failing", Failing);
        var target = new MmuTarget("sv39", machine => new Sv39Mmu(machine));
        var report = ComplianceReport.Run([scenario], [target]);

        var markdown = MarkdownOf(report);

        // CommonMark ends a line at a carriage return as it does at a line feed.
        Assert.That(report["sv39", "x\ry"].Failures.Single().FirstLine, Does.Contain("x\ry"), "the failure names the file as it is");
        Assert.That(markdown, Does.Not.Contain('\r'));
    }

    [Test]
    public void A_scenario_with_no_area_gets_a_column_with_a_heading()
    {
        var scenario = ScenarioParser.Parse("top.yaml", Passing.ReplaceLineEndings("\n")).Scenario!;
        var target = new MmuTarget("sv39", machine => new Sv39Mmu(machine));

        var table = TableOf(ComplianceReport.Run([scenario], [target]));

        Assert.That(table[0], Is.EqualTo(@"| implementation | kind | (no area) | total |"));
    }

    private static string MarkdownOf(ComplianceReport report)
    {
        var text = new StringWriter();
        ComplianceMarkdownWriter.Write(report, text);
        return text.ToString();
    }

    private static string[] TableOf(ComplianceReport report)
    {
        return MarkdownOf(report).ReplaceLineEndings("\n").Split('\n').Where(line => line.StartsWith('|')).ToArray();
    }

    /// <summary>Cells between the outer pipes, splitting only at pipes markdown does not read as escaped.</summary>
    private static int CellCount(string row) => Regex.Split(row.Trim(), @"(?<!\\)\|").Length - 2;
}
