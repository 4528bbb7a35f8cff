using System.Net;

namespace VmSpec.Reports.Compliance;

/// <summary>
/// The report as one self-contained HTML page: the styles are inline and there is no script, font
/// or image to fetch, so it opens the same from a CI artifact on a machine without network.
/// Failures sit under the table in a collapsible block per implementation and area, as the markdown
/// lists them, and a failing cell links to its block: first line each, the whole report (a
/// snapshot's diff, the rule cited) folded under it.
/// </summary>
public static class ComplianceHtmlWriter
{
    private const string Style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d1d1f; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #c8c8cc; padding: .35rem .7rem; text-align: right; }
        th:first-child, td:first-child, td.kind { text-align: left; }
        td.pass { background: #dff3e3; } td.fail { background: #f9dcdc; font-weight: 600; }
        td.skip { background: #fff4d6; } td.none { color: #8e8e93; text-align: center; }
        code { font: 12px ui-monospace, monospace; }
        details { margin: .6rem 0; } summary { cursor: pointer; font-weight: 600; }
        """;

    public static void Write(ComplianceReport report, TextWriter output)
    {
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>VmSpec compliance</title>");
        output.WriteLine($"<style>{Style}</style></head><body>");
        output.WriteLine("<h1>VmSpec compliance</h1>");
        output.WriteLine("<p>Each cell: passed / failed / skipped runs of the area's scenarios that name the implementation's kind.</p>");
        output.WriteLine("<table><thead><tr><th>implementation</th><th>kind</th>"
            + string.Concat(report.Areas.Select(area => $"<th>{Encode(ComplianceReport.AreaName(area))}</th>")) + "<th>total</th></tr></thead><tbody>");
        for (var row = 0; row < report.Implementations.Count; row++)
        {
            var implementation = report.Implementations[row];
            output.Write($"<tr><td>{Encode(implementation.Name)}</td><td class=\"kind\">{Encode(implementation.Kind)}</td>");
            for (var column = 0; column < report.Areas.Count; column++)
                output.Write(Cell(report[implementation.Name, report.Areas[column]], FailuresId(row, column)));
            output.WriteLine(Cell(report.Totals(implementation.Name), FailuresId(row)) + "</tr>");
        }
        output.WriteLine("</tbody></table>");

        for (var row = 0; row < report.Implementations.Count; row++)
            WriteFailures(report, row, output);
        output.WriteLine("</body></html>");
    }

    private static void WriteFailures(ComplianceReport report, int row, TextWriter output)
    {
        var implementation = report.Implementations[row];
        var total = report.Totals(implementation.Name).Failed;
        if (total == 0)
            return;
        output.WriteLine($"<h2 id=\"{FailuresId(row)}\">{Encode(implementation.Name)}: {total} failure(s)</h2>");
        for (var column = 0; column < report.Areas.Count; column++)
        {
            var area = report.Areas[column];
            var failures = report[implementation.Name, area].Failures;
            if (failures.Count == 0)
                continue;
            output.WriteLine($"<details id=\"{FailuresId(row, column)}\"><summary>{Encode(ComplianceReport.AreaName(area))}: {failures.Count} failure(s)</summary><ul>");
            // The first line names the step; the rest (a snapshot's diff, the walk, the rule cited) unfolds under it.
            foreach (var failure in failures)
                output.WriteLine(failure.Report.Contains('\n')
                    ? $"<li><details><summary><code>{Encode(failure.FirstLine)}</code></summary><pre>{Encode(failure.Report)}</pre></details></li>"
                    : $"<li><code>{Encode(failure.FirstLine)}</code></li>");
            output.WriteLine("</ul></details>");
        }
    }

    /// <summary>
    /// A failing cell links to its block of failures, a failing total to its implementation's. The
    /// ids are made of positions, as names and areas are anyone's text.
    /// </summary>
    private static string Cell(ComplianceCell cell, string failuresId)
    {
        if (cell.Total == 0)
            return "<td class=\"none\">—</td>";
        var counts = $"{cell.Passed} / {cell.Failed} / {cell.Skipped}";
        if (cell.Failed > 0)
            return $"<td class=\"fail\"><a href=\"#{failuresId}\">{counts}</a></td>";
        return $"<td class=\"{(cell.Passed > 0 ? "pass" : "skip")}\">{counts}</td>";
    }

    private static string FailuresId(int row) => $"failures-{row}";

    private static string FailuresId(int row, int column) => $"failures-{row}-{column}";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
