using System.CommandLine;
using VmSpec.Reports.Compliance;
using VmSpec.Runner;
using VmSpec.Runner.Snapshots;

namespace VmSpec.Cli.Commands;

/// <summary>
/// <c>vmspec report PATH...</c>: every scenario on every implementation (built-in and
/// <c>--plugin</c>) whose kind it names, as one implementation × area table in markdown (the
/// console unless <c>--markdown FILE</c>) and, with <c>--html FILE</c>, a self-contained page.
/// Failures are the report's content, not an error: it exits 0 unless the input is broken (2).
/// </summary>
public static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = Corpus.PathsArgument();
        var plugins = TargetSelection.PluginOption();
        var markdown = new Option<string?>("--markdown") { Description = "Write the markdown report to this file." };
        var html = new Option<string?>("--html") { Description = "Write a self-contained HTML report to this file." };

        var command = new Command("report", "Which implementation passes what: implementation x area.") { paths, plugins, markdown, html };
        command.SetAction(parse => Execute(
            parse.GetValue(paths) ?? [], parse.GetValue(plugins) ?? [], parse.GetValue(markdown), parse.GetValue(html), output, error));
        return command;
    }

    public static int Execute(IReadOnlyList<string> paths, IReadOnlyList<string> plugins, string? markdown, string? html, TextWriter output, TextWriter error)
    {
        var corpus = Corpus.Load(paths, error);
        if (TargetSelection.Resolve(plugins, error) is not { } targets || corpus.Broken > 0)
            return ExitCodes.FormatError;

        var report = ComplianceReport.Run(corpus.Scenarios, targets, new RunOptions { Snapshots = new FileSnapshotStore(SnapshotMode.Strict) });
        WriteTo(markdown, output, writer => ComplianceMarkdownWriter.Write(report, writer));
        if (html is not null)
            WriteTo(html, output, writer => ComplianceHtmlWriter.Write(report, writer));
        return ExitCodes.Passed;
    }

    private static void WriteTo(string? file, TextWriter console, Action<TextWriter> write)
    {
        if (file is null)
        {
            write(console);
            return;
        }
        using var writer = new StreamWriter(file) { NewLine = "\n" };
        write(writer);
    }
}
