using System.Text;

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
        output.WriteLine(Row(["implementation", "kind", .. report.Areas.Select(area => Text(ComplianceReport.AreaName(area))), "total"]));
        output.WriteLine("|---|---|" + string.Concat(report.Areas.Select(_ => "--:|")) + "--:|");
        foreach (var implementation in report.Implementations)
        {
            var counts = report.Areas.Select(area => Counts(report[implementation.Name, area]));
            output.WriteLine(Row([Text(implementation.Name), Text(implementation.Kind), .. counts, Counts(report.Totals(implementation.Name))]));
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
            output.WriteLine($"### {Text(implementation.Name)} — {Text(ComplianceReport.AreaName(area))}");
            output.WriteLine();
            foreach (var failure in cell.Failures)
                output.WriteLine($"- {CodeSpan(failure.FirstLine)}");
        }
    }

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";

    /// <summary>
    /// Text as written, whatever it holds: area folders and plug-in names are anyone's text. Each
    /// character markdown could read as markup where it stands here (a pipe ending a cell, '&lt;'
    /// opening HTML, '&amp;' an entity, '*' emphasis, a closing '#' of a heading, a backslash escaping
    /// what follows) gets a backslash, as CommonMark allows before any ASCII punctuation; a line
    /// break would end the row or the heading.
    /// </summary>
    private static string Text(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (Markup.Contains(c))
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private const string Markup = @"\`*_[]<>|~&#";

    /// <summary>
    /// A code span that shows <paramref name="text"/> exactly: fenced with one backtick more than
    /// its longest run of them, and padded with a space where it starts or ends with one (CommonMark
    /// strips one space from each side of a padded span).
    /// </summary>
    private static string CodeSpan(string text)
    {
        text = text.ReplaceLineEndings(" ");
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return fence + pad + text + pad + fence;
    }

    private static string Counts(ComplianceCell cell) =>
        cell.Total == 0 ? "—" : cell.Failed > 0 ? $"{cell.Passed} / **{cell.Failed}** / {cell.Skipped}" : $"{cell.Passed} / {cell.Failed} / {cell.Skipped}";
}
