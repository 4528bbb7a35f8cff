using System.Net;

namespace VmSpec.Reports.Compliance;

/// <summary>
/// The report as one self-contained HTML page: the styles are inline and there is no script, font
/// or image to fetch, so it opens the same from a CI artifact on a machine without network.
/// Failures sit in a collapsible block under the table, first line each, the whole report (a
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
            + string.Concat(report.Areas.Select(area => $"<th>{Encode(area)}</th>")) + "<th>total</th></tr></thead><tbody>");
        foreach (var implementation in report.Implementations)
        {
            output.Write($"<tr><td>{Encode(implementation.Name)}</td><td class=\"kind\">{Encode(implementation.Kind)}</td>");
            foreach (var area in report.Areas)
                output.Write(Cell(report[implementation.Name, area]));
            output.WriteLine(Cell(report.Totals(implementation.Name)) + "</tr>");
        }
        output.WriteLine("</tbody></table>");

        foreach (var implementation in report.Implementations)
        {
            var failures = report.Totals(implementation.Name).Failures;
            if (failures.Count == 0)
                continue;
            output.WriteLine($"<details><summary>{Encode(implementation.Name)}: {failures.Count} failure(s)</summary><ul>");
            // The first line names the step; the rest (a snapshot's diff, the walk, the rule cited) unfolds under it.
            foreach (var failure in failures)
                output.WriteLine(failure.Report.Contains('\n')
                    ? $"<li><details><summary><code>{Encode(failure.FirstLine)}</code></summary><pre>{Encode(failure.Report)}</pre></details></li>"
                    : $"<li><code>{Encode(failure.FirstLine)}</code></li>");
            output.WriteLine("</ul></details>");
        }
        output.WriteLine("</body></html>");
    }

    private static string Cell(ComplianceCell cell)
    {
        if (cell.Total == 0)
            return "<td class=\"none\">—</td>";
        var style = cell.Failed > 0 ? "fail" : cell.Passed > 0 ? "pass" : "skip";
        return $"<td class=\"{style}\">{cell.Passed} / {cell.Failed} / {cell.Skipped}</td>";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
