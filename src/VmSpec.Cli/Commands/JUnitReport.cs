using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using VmSpec.Runner.Results;

namespace VmSpec.Cli.Commands;

/// <summary>One scenario × MMU run and how long it took.</summary>
internal sealed record TimedResult(ScenarioResult Result, TimeSpan Time);

/// <summary>
/// A run as JUnit XML, the report CI servers show as test results: one test suite per area, one
/// test case per scenario × MMU (<c>id [mmu]</c>, with its file), a failure with the runner's
/// message (which starts with the file, line and column of the failing step) or a skip with its
/// reason. A file with format errors is a test case with an error in a suite of its own, so a run
/// that exits 2 is not green in a CI's test view either.
/// </summary>
internal static class JUnitReport
{
    private const string FormatSuite = "format";

    public static void Write(IReadOnlyList<TimedResult> runs, IReadOnlyList<FileProblem> problems, TextWriter output)
    {
        var suites = new List<XElement>();
        if (problems.Count > 0)
            suites.Add(Suite(FormatSuite, problems.Select(FormatCase).ToList(), failures: 0, errors: problems.Count, skipped: 0, TimeSpan.Zero));
        foreach (var area in runs.GroupBy(run => run.Result.Scenario.Area).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var inArea = area.ToList();
            suites.Add(Suite(area.Key, inArea.Select(RunCase).ToList(), Count(inArea, Outcome.Failed), errors: 0, Count(inArea, Outcome.Skipped), Total(inArea)));
        }

        var root = new XElement("testsuites",
            new XAttribute("name", "vmspec"),
            new XAttribute("tests", runs.Count + problems.Count),
            new XAttribute("failures", Count(runs, Outcome.Failed)),
            new XAttribute("errors", problems.Count),
            new XAttribute("skipped", Count(runs, Outcome.Skipped)),
            new XAttribute("time", Seconds(Total(runs))),
            suites);
        // Declared by hand: an XmlWriter over a TextWriter declares the writer's encoding (UTF-16 for
        // a StringWriter), while the file is written as UTF-8.
        output.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, NewLineChars = "\n" });
        root.Save(writer);
    }

    private static XElement Suite(string name, IReadOnlyList<XElement> cases, int failures, int errors, int skipped, TimeSpan time) =>
        new("testsuite",
            new XAttribute("name", name),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("skipped", skipped),
            new XAttribute("time", Seconds(time)),
            cases);

    private static XElement RunCase(TimedResult run)
    {
        var result = run.Result;
        var testCase = new XElement("testcase",
            new XAttribute("classname", $"vmspec.{result.Scenario.Area}"),
            new XAttribute("name", $"{result.Scenario.Id} [{result.Target.Name}]"),
            new XAttribute("file", result.Scenario.FilePath),
            new XAttribute("time", Seconds(run.Time)));
        var message = XmlText(result.Message ?? "");
        if (result.Outcome == Outcome.Failed)
            testCase.Add(new XElement("failure", new XAttribute("message", FirstLine(message)), new XAttribute("type", "failure"), XmlText(result.FailureReport)));
        else if (result.Outcome == Outcome.Skipped)
            testCase.Add(new XElement("skipped", new XAttribute("message", message)));
        return testCase;
    }

    private static XElement FormatCase(FileProblem problem)
    {
        var errors = XmlText(string.Join("\n", problem.Errors));
        return new XElement("testcase",
            new XAttribute("classname", $"vmspec.{FormatSuite}"),
            new XAttribute("name", XmlText(problem.Path)),
            new XAttribute("file", XmlText(problem.Path)),
            new XAttribute("time", Seconds(TimeSpan.Zero)),
            new XElement("error", new XAttribute("message", FirstLine(errors)), new XAttribute("type", "format-error"), errors));
    }

    private static int Count(IEnumerable<TimedResult> runs, Outcome outcome) => runs.Count(run => run.Result.Outcome == outcome);

    private static TimeSpan Total(IEnumerable<TimedResult> runs) => runs.Aggregate(TimeSpan.Zero, (sum, run) => sum + run.Time);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);

    private static string FirstLine(string text) => text.Split('\n')[0];

    /// <summary>
    /// The text with every character XML 1.0 cannot hold replaced by U+FFFD: a plug-in's exception
    /// message, quoted in a failure, may hold any character, and the report must stay well formed.
    /// </summary>
    private static string XmlText(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                builder.Append(text[i]).Append(text[++i]);
            else
                builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return builder.ToString();
    }
}
