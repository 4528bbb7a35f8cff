namespace VmSpec.Reports.Compliance;

/// <summary>
/// The report as markdown: one table, implementation × area, each cell "passed/failed/skipped",
/// then every failure under its implementation and area, first line only.
/// </summary>
public static class ComplianceMarkdownWriter
{
    public static void Write(ComplianceReport report, TextWriter output)
    {
        output.WriteLine("# Compliance");
        output.WriteLine();
        output.WriteLine("Each cell: passed / failed / skipped runs of the area's scenarios that name the implementation's kind; `—` where none does.");
        output.WriteLine();
        output.WriteLine(Row(["implementation", "kind", .. report.Areas, "total"]));
        output.WriteLine("|---|---|" + string.Concat(report.Areas.Select(_ => "--:|")) + "--:|");
        foreach (var implementation in report.Implementations)
        {
            var counts = report.Areas.Select(area => Counts(report[implementation.Name, area]));
            output.WriteLine(Row([implementation.Name, implementation.Kind, .. counts, Counts(report.Totals(implementation.Name))]));
        }

        var failing = (from implementation in report.Implementations
                       from area in report.Areas
                       let cell = report[implementation.Name, area]
                       where cell.Failed > 0
                       select (implementation, area, cell)).ToList();
        output.WriteLine();
        if (failing.Count == 0)
        {
            output.WriteLine("No failures.");
            return;
        }
        output.WriteLine("## Failures");
        foreach (var (implementation, area, cell) in failing)
        {
            output.WriteLine();
            output.WriteLine($"### {implementation.Name} — {area}");
            output.WriteLine();
            foreach (var failure in cell.Failures)
                output.WriteLine($"- `{failure.FirstLine.Replace("`", "'", StringComparison.Ordinal)}`");
        }
    }

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(Cell)) + " |";

    /// <summary>
    /// A cell's text as written, whatever it holds: area folders and plug-in names are anyone's text.
    /// A pipe would end the cell and a line break the row; a backslash is doubled first, as markdown
    /// reads one before punctuation (the escaped pipe included) as an escape and drops it.
    /// </summary>
    private static string Cell(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("|", @"\|", StringComparison.Ordinal)
            .ReplaceLineEndings(" ");

    private static string Counts(ComplianceCell cell) =>
        cell.Total == 0 ? "—" : cell.Failed > 0 ? $"{cell.Passed} / **{cell.Failed}** / {cell.Skipped}" : $"{cell.Passed} / {cell.Failed} / {cell.Skipped}";
}
