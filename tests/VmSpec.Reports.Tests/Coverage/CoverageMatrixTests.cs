using System.Text.RegularExpressions;
using VmSpec.Reports.Coverage;

namespace VmSpec.Reports.Tests.Coverage;

/// <summary>What the matrix counts, what it calls a gap, and what it calls a contradiction.</summary>
public class CoverageMatrixTests
{
    private static readonly CoverageModel Sv39 = RadixCoverageModel.Sv39;

    private static CoveragePoint Point(string rule, string place, string mode, string op, string scenario = "a.yaml") =>
        new("sv39", new CoverageCell(rule, place, mode, op), scenario);

    [Test]
    public void Every_cell_of_every_rule_is_either_reachable_or_has_a_reason()
    {
        var matrix = new CoverageMatrix([Sv39], []);

        var cells = matrix.Cells.ToList();

        Assert.That(cells, Has.Count.EqualTo(Sv39.Rules.Count * 4 * 2 * 3));
        Assert.That(cells.Where(cell => !cell.Reachable).Select(cell => cell.UnreachableReason), Has.All.Not.Empty);
        Assert.That(matrix.EmptyReachable.Count(), Is.EqualTo(cells.Count(cell => cell.Reachable)));
    }

    [TestCase("misaligned-superpage", "L0", "U", "R", TestName = "A 4 KiB leaf cannot be misaligned")]
    [TestCase("pointer-at-level-0", "L1", "S", "W", TestName = "A pointer above level 0 is followed")]
    [TestCase("non-canonical", "L2", "U", "X", TestName = "The canonical check comes before any level")]
    [TestCase("invalid", "none", "U", "R", TestName = "Only a non-canonical address ends before the root")]
    [TestCase("sum-allows", "L0", "S", "X", TestName = "SUM never permits execution")]
    [TestCase("u-mode-s-page", "L1", "S", "R", TestName = "The U-mode rule has no S-mode cells")]
    [TestCase("walk-sets-d", "L2", "U", "R", TestName = "Only a store sets D")]
    [TestCase("pte-access-fault", "L2", "S", "R", TestName = "The root is in RAM")]
    public void Cells_that_cannot_occur_are_marked(string rule, string place, string mode, string op)
    {
        var cell = new CoverageCell(rule, place, mode, op);

        Assert.That(Sv39.Rule(rule)!.Unreachable(cell), Is.Not.Null.And.Not.Empty);
    }

    [TestCase("pointer-at-level-0", "L3", TestName = "Four levels: a pointer at the root is followed")]
    [TestCase("pointer-at-level-0", "L1", TestName = "Four levels: a pointer at level 1 is followed")]
    [TestCase("pte-access-fault", "L3", TestName = "Four levels: the root, now L3, is in RAM")]
    [TestCase("non-canonical", "L3", TestName = "Four levels: the canonical check comes before the root")]
    [TestCase("misaligned-superpage", "L0", TestName = "Four levels: a 4 KiB leaf cannot be misaligned")]
    public void A_four_level_format_excludes_by_its_own_levels(string rule, string place)
    {
        var sv48 = new RadixCoverageModel("sv48", 4);

        Assert.That(sv48.Places, Is.EqualTo(new[] { "L3", "L2", "L1", "L0", "none" }));
        Assert.That(sv48.Rule(rule)!.Unreachable(new CoverageCell(rule, place, "S", "R")), Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void A_four_level_format_keeps_the_cells_a_fourth_level_makes_reachable()
    {
        var sv48 = new RadixCoverageModel("sv48", 4);

        Assert.That(sv48.Rule("pointer-at-level-0")!.Unreachable(new CoverageCell("pointer-at-level-0", "L0", "S", "R")), Is.Null);
        Assert.That(sv48.Rule("pte-access-fault")!.Unreachable(new CoverageCell("pte-access-fault", "L2", "S", "R")), Is.Null);
        Assert.That(sv48.Rule("misaligned-superpage")!.Unreachable(new CoverageCell("misaligned-superpage", "L3", "U", "W")), Is.Null);
        Assert.That(sv48.Rule("non-canonical")!.Spec, Does.Contain("bits 63-48 must equal bit 47"));
    }

    [Test]
    public void A_point_fills_its_cell_and_names_the_scenario()
    {
        var matrix = new CoverageMatrix([Sv39], [Point("invalid", "L1", "U", "R"), Point("invalid", "L1", "U", "R", "b.yaml")]);
        var cell = new CoverageCell("invalid", "L1", "U", "R");

        Assert.That(matrix.Count("sv39", cell), Is.EqualTo(2));
        Assert.That(matrix.ScenariosOf("sv39", cell), Is.EqualTo(new[] { "a.yaml", "b.yaml" }));
        Assert.That(matrix.EmptyReachable.Select(status => status.Cell), Does.Not.Contain(cell));
    }

    [Test]
    public void Without_the_only_scenario_of_a_cell_the_cell_is_empty_again()
    {
        var matrix = new CoverageMatrix([Sv39], [Point("invalid", "L1", "U", "R", "only.yaml"), Point("invalid", "L2", "U", "R", "other.yaml")]);

        var without = matrix.Without("only.yaml");

        Assert.That(without.EmptyReachable.Select(status => status.ToString()), Does.Contain("sv39 invalid L1 U R"));
        Assert.That(without.EmptyReachable.Select(status => status.ToString()), Does.Not.Contain("sv39 invalid L2 U R"));
    }

    [Test]
    public void A_point_in_a_cell_that_cannot_occur_is_a_contradiction()
    {
        var matrix = new CoverageMatrix([Sv39], [Point("misaligned-superpage", "L0", "U", "R")]);

        Assert.That(matrix.Contradictions.Select(status => status.ToString()), Is.EqualTo(new[] { "sv39 misaligned-superpage L0 U R" }));
    }

    [Test]
    public void The_text_matrix_marks_cells_and_lists_gaps_and_contradictions()
    {
        var matrix = new CoverageMatrix([Sv39], [Point("invalid", "L1", "U", "R"), Point("misaligned-superpage", "L0", "S", "X")]);
        var text = new StringWriter();

        CoverageTextWriter.Write(matrix, text);

        var output = text.ToString();
        Assert.That(output, Does.Contain("sv39 invalid L2 U R").And.Contain("Empty reachable cells"));
        Assert.That(output, Does.Not.Contain("sv39 invalid L1 U R\n"));
        Assert.That(output, Does.Contain("sv39 misaligned-superpage L0 S X: 1 point(s), yet a level-0 leaf has no lower PPN fields"));
        Assert.That(output, Does.Match(@"misaligned-superpage\s+(\S+\s+){17}1!"));
    }

    [Test]
    public void A_contradiction_names_the_MMU_and_the_scenario_it_was_seen_in()
    {
        var impossible = new CoverageCell("sum-allows", "L0", "S", "X");
        var matrix = new CoverageMatrix([Sv39],
        [
            new CoveragePoint("sv39", impossible, "specs/sv39/b.yaml", "BuggyMmu"),
            new CoveragePoint("sv39", impossible, "specs/sv39/a.yaml", "BuggyMmu"),
            new CoveragePoint("sv39", impossible, "specs/sv39/a.yaml", "BuggyMmu"),
            new CoveragePoint("sv39", new CoverageCell("invalid", "L1", "U", "R"), "specs/sv39/c.yaml", "sv39"),
        ]);
        var text = new StringWriter();

        CoverageTextWriter.Write(matrix, text);

        Assert.That(matrix.SourcesOf("sv39", impossible), Is.EqualTo(new[] { ("BuggyMmu", "specs/sv39/a.yaml"), ("BuggyMmu", "specs/sv39/b.yaml") }));
        Assert.That(text.ToString().ReplaceLineEndings("\n"), Does.Contain(
            "sv39 sum-allows L0 S X: 3 point(s), yet SUM never permits execution of a U = 1 page\n    on BuggyMmu: specs/sv39/a.yaml\n    on BuggyMmu: specs/sv39/b.yaml\n"));
    }

    [Test]
    public void The_block_s_summary_counts_the_cells_reached_that_cannot_occur()
    {
        var matrix = new CoverageMatrix([Sv39], [Point("misaligned-superpage", "L0", "S", "X")]);
        var text = new StringWriter();

        CoverageTextWriter.Write(matrix, text);

        var summary = text.ToString().ReplaceLineEndings("\n").Split('\n').First();
        Assert.That(summary, Does.StartWith("sv39 (").And.Contain("1 observed where the model says they cannot occur"));
        Assert.That(summary, Does.Contain("): 0 of "), "a point where none can be covers no reachable cell");
    }

    [TestCase(3, 0, TestName = "Three places that reached a cell that cannot occur are all named")]
    [TestCase(5, 2, TestName = "Past three, the rest are counted")]
    public void A_contradiction_names_up_to_three_places_it_was_reached_then_how_many_more(int scenarios, int more)
    {
        var impossible = new CoverageCell("sum-allows", "L0", "S", "X");
        var points = Enumerable.Range(1, scenarios).Select(n => new CoveragePoint("sv39", impossible, $"specs/sv39/s{n}.yaml", "BuggyMmu"));
        var text = new StringWriter();

        CoverageTextWriter.Write(new CoverageMatrix([Sv39], points.ToList()), text);

        var output = text.ToString();
        Assert.That(Regex.Matches(output, "    on BuggyMmu: ").Count, Is.EqualTo(3));
        Assert.That(output, more == 0 ? Does.Not.Contain(" more") : Does.Contain($"    and {more} more"));
    }

    [Test]
    public void A_count_wider_than_a_cell_widens_every_column_of_its_block()
    {
        var points = Enumerable.Repeat(Point("invalid", "L1", "U", "R"), 12_345).Append(Point("invalid", "L1", "U", "W"));
        var text = new StringWriter();

        CoverageTextWriter.Write(new CoverageMatrix([Sv39], points), text);

        Assert.That(text.ToString(), Does.Match(@"\binvalid\s+(\S+\s+){6}12345\s+1\b"), "each count stands apart from the next");
    }

    [Test]
    public void The_markdown_page_marks_a_cell_reached_that_cannot_occur_and_lists_the_empty_ones()
    {
        var matrix = new CoverageMatrix([Sv39], [Point("invalid", "L1", "U", "R"), Point("misaligned-superpage", "L0", "S", "X")]);
        var text = new StringWriter();

        CoverageMarkdownWriter.Write(matrix, text, "vmspec coverage specs --format markdown");

        // The page's own legend: **N!** for a cell that cannot occur yet was reached N times.
        var page = text.ToString().ReplaceLineEndings("\n");
        var row = page.Split('\n').Single(line => line.StartsWith("| `misaligned-superpage` | ", StringComparison.Ordinal) && line.Contains('!', StringComparison.Ordinal));
        Assert.That(row.Split('|', StringSplitOptions.RemoveEmptyEntries)[1 + 17].Trim(), Is.EqualTo("**1!**"), "L0 S X is the eighteenth column");
        Assert.That(page, Does.Contain("\n- `invalid L2 U R`\n").And.Not.Contain("\n- `invalid L1 U R`\n"));
    }

    [Test]
    public void The_markdown_page_has_a_column_per_cell_and_the_reasons()
    {
        var matrix = new CoverageMatrix([Sv39], [Point("invalid", "L1", "U", "R")]);
        var text = new StringWriter();

        CoverageMarkdownWriter.Write(matrix, text, "vmspec coverage specs --format markdown");

        var lines = text.ToString().Split('\n');
        var header = lines.Single(line => line.StartsWith("| rule | L2 U R", StringComparison.Ordinal));
        Assert.That(header.Split('|', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1 + 24));
        var row = lines.Single(line => line.StartsWith("| `invalid` | ", StringComparison.Ordinal) && line.Contains("**0**", StringComparison.Ordinal));
        Assert.That(row.Split('|', StringSplitOptions.RemoveEmptyEntries)[1 + 6].Trim(), Is.EqualTo("1"), "L1 U R is the seventh column");
        Assert.That(text.ToString(), Does.Contain("a level-0 leaf has no lower PPN fields to misalign"));
    }
}
