using System.CommandLine;
using VmSpec.Reports.Compliance;
using VmSpec.Runner;
using VmSpec.Runner.Snapshots;

namespace VmSpec.Cli.Commands;

/// <summary>
/// <c>vmspec report PATH...</c>: every scenario on every implementation (built-in and
/// <c>--plugin</c>) whose kind it names, as one implementation × area table in markdown (the
/// console unless <c>--markdown FILE</c>) and, with <c>--html FILE</c>, a self-contained page.
/// Failures are the report's content, not an error: it exits 0 unless the input is broken, an output
/// file cannot be written or nothing would run (2).
/// </summary>
public static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = Corpus.PathsArgument();
        var plugins = TargetSelection.PluginOption();
        var markdown = OptionValues.RefuseOptionAsValue(new Option<string?>("--markdown") { Description = "Write the markdown report to this file." });
        var html = OptionValues.RefuseOptionAsValue(new Option<string?>("--html") { Description = "Write a self-contained HTML report to this file." });

        var command = new Command("report", "Which implementation passes what: implementation x area.") { paths, plugins, markdown, html };
        command.SetAction(parse => Execute(
            parse.GetValue(paths) ?? [], parse.GetValue(plugins) ?? [], parse.GetValue(markdown), parse.GetValue(html), output, error));
        return command;
    }

    public static int Execute(IReadOnlyList<string> paths, IReadOnlyList<string> plugins, string? markdown, string? html, TextWriter output, TextWriter error)
    {
        // Both files are opened before anything else, so neither is half-done work printed and then refused.
        var canWriteMarkdown = OutputFile.TryOpen(markdown, error, out var markdownFile);
        var canWriteHtml = OutputFile.TryOpen(html, error, out var htmlFile);
        if (!canWriteMarkdown || !canWriteHtml)
            return ExitCodes.FormatError;

        var corpus = Corpus.Load(paths, error);
        if (TargetSelection.Resolve(plugins, error) is not { } targets || corpus.Broken > 0)
            return ExitCodes.FormatError;
        if (NothingToRun.Explain(corpus, targets, kind: null, error))
            return ExitCodes.FormatError;

        var report = ComplianceReport.Run(corpus.Scenarios, targets, new RunOptions { Snapshots = new FileSnapshotStore(SnapshotMode.Strict) });
        // Files first: the console gets the markdown only once nothing can fail any more.
        if (htmlFile is not null && !htmlFile.TryWrite(writer => ComplianceHtmlWriter.Write(report, writer), error))
            return ExitCodes.FormatError;
        if (markdownFile is null)
            ComplianceMarkdownWriter.Write(report, output);
        else if (!markdownFile.TryWrite(writer => ComplianceMarkdownWriter.Write(report, writer), error))
            return ExitCodes.FormatError;
        return ExitCodes.Passed;
    }
}
