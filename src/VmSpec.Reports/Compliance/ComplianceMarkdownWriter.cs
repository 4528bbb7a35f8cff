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
        output.WriteLine("| implementation | kind | " + string.Join(" | ", report.Areas) + " | total |");
        output.WriteLine("|---|---|" + string.Concat(report.Areas.Select(_ => "--:|")) + "--:|");
        foreach (var implementation in report.Implementations)
        {
            var cells = report.Areas.Select(area => Counts(report[implementation.Name, area]));
            output.WriteLine($"| {implementation.Name} | {implementation.Kind} | " + string.Join(" | ", cells) + $" | {Counts(report.Totals(implementation.Name))} |");
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

    private static string Counts(ComplianceCell cell) =>
        cell.Total == 0 ? "—" : cell.Failed > 0 ? $"{cell.Passed} / **{cell.Failed}** / {cell.Skipped}" : $"{cell.Passed} / {cell.Failed} / {cell.Skipped}";
}
