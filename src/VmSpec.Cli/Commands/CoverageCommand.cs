using System.CommandLine;
using VmSpec.Reports.Coverage;

namespace VmSpec.Cli.Commands;

/// <summary>
/// <c>vmspec coverage PATH... [--plugin DLL]</c>: runs the scenarios on the built-in MMUs and the
/// plug-ins' and prints, per kind, the matrix of rule × place × mode × operation computed from the
/// accesses executed (a plug-in's kind charted with the model <see cref="CoverageModels.For"/> gives it).
/// With <c>--min</c> it exits 1 when a reachable cell is empty or a cell that cannot occur was reached;
/// 2 is bad input, an output file it cannot write, or nothing to run.
/// </summary>
public static class CoverageCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = Corpus.PathsArgument();
        var format = OptionValues.RefuseOptionAsValue(new Option<string>("--format") { Description = "text or markdown.", DefaultValueFactory = _ => "text" });
        format.AcceptOnlyFromAmong("text", "markdown");
        var file = OptionValues.RefuseOptionAsValue(new Option<string?>("--output", "-o") { Description = "Write the matrix to this file instead of the console." });
        var min = new Option<bool>("--min") { Description = "Exit 1 when a reachable cell is empty or a cell that cannot occur was reached." };
        var plugins = TargetSelection.PluginOption();
        var mmu = TargetSelection.KindOption("Chart only the MMUs of this kind, or the one MMU of this name, as 'vmspec list' shows it (a plug-in's MMU is named after its type), so --min checks only its matrix and only its accesses fill it.");

        var command = new Command("coverage", "Which rules of the spec the scenarios exercise, from the walks they run.") { paths, format, file, min, plugins, mmu };
        command.SetAction(parse => Execute(
            parse.GetValue(paths) ?? [], parse.GetValue(plugins) ?? [], parse.GetValue(format) ?? "text", parse.GetValue(file), parse.GetValue(min),
            parse.GetValue(mmu), output, error));
        return command;
    }

    public static int Execute(IReadOnlyList<string> paths, IReadOnlyList<string> plugins, string format, string? file, bool min, string? onlyKind, TextWriter output, TextWriter error)
    {
        if (!OutputFile.TryOpen(file, error, out var destination))
            return ExitCodes.FormatError;
        var corpus = Corpus.Load(paths, error);
        if (TargetSelection.Resolve(plugins, error) is not { } available || corpus.Broken > 0
            || TargetSelection.Chosen(available, onlyKind, error) is not { } targets)
            return ExitCodes.FormatError;
        if (NothingToRun.Explain(corpus, targets, onlyKind, error))
            return ExitCodes.FormatError;

        var models = CoverageModels.For(targets, corpus.Scenarios, out var uncharted);
        foreach (var kind in uncharted)
            error.WriteLine($"note: kind {kind} has no coverage model ({WhyUncharted(kind)}); its accesses are not counted");
        // A gate with no cell to check would pass whatever ran: nothing charted is nothing covered.
        if (min && models.Count == 0)
        {
            error.WriteLine("error: --min: no kind that ran has a coverage model, so there is no cell to check");
            return ExitCodes.FormatError;
        }
        var run = CoverageCollector.Collect(corpus.Scenarios, targets, models);
        var matrix = new CoverageMatrix(models, run.Points);
        Action<TextWriter> render = format == "markdown"
            ? writer => CoverageMarkdownWriter.Write(matrix, writer, Invocation(paths, plugins, onlyKind, file))
            : writer => CoverageTextWriter.Write(matrix, writer);
        if (destination is null)
            render(output);
        else if (!destination.TryWrite(render, error))
            return ExitCodes.FormatError;

        var failed = run.Results.Count(result => result.Outcome == Runner.Results.Outcome.Failed);
        if (failed > 0)
            error.WriteLine($"warning: {failed} run(s) failed; each counts the accesses it ran, up to and including its failing step's (see 'vmspec run')");

        var gaps = matrix.EmptyReachable.Concat(matrix.Contradictions).ToList();
        if (file is not null && min)
            foreach (var status in gaps)
                error.WriteLine(status.Reachable ? $"error: empty reachable cell: {status}" : $"error: reached a cell that cannot occur: {status}{FirstSource(matrix, status)}");
        // A cell that cannot occur was reached: an MMU broke a rule (or the model is wrong), which
        // matters whether or not the corpus is being gated.
        var contradictions = matrix.Contradictions.Count();
        if (!min && contradictions > 0)
            error.WriteLine($"warning: {contradictions} cell(s) that cannot occur were reached: an MMU broke the rule each names, or the model is wrong");
        if (!min || gaps.Count == 0)
            return ExitCodes.Passed;
        // One line that says why the exit code is 1, whatever the matrix above scrolled past.
        error.WriteLine($"error: --min: {matrix.EmptyReachable.Count()} reachable cell(s) empty, {contradictions} reached that cannot occur");
        return ExitCodes.Failed;
    }

    /// <summary>The command line that writes this markdown again: the paths and options that shape it, as given.</summary>
    public static string Invocation(IReadOnlyList<string> paths, IReadOnlyList<string> plugins, string? onlyKind, string? file)
    {
        var words = new List<string> { "vmspec", "coverage" };
        words.AddRange(paths);
        words.AddRange(["--format", "markdown"]);
        if (onlyKind is not null)
            words.AddRange(["--mmu", onlyKind]);
        foreach (var plugin in plugins)
            words.AddRange(["--plugin", plugin]);
        if (file is not null)
            words.AddRange(["--output", file]);
        return string.Join(' ', words.Select(Quoted));
    }

    // Quoted only when a shell would split or read the word otherwise.
    private static string Quoted(string word) =>
        word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "-_./:+=@,".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string WhyUncharted(string kind) => kind == KernelCoverageModel.Name
        ? "the kernel's matrix has that name"
        : "only a multi-level PagingMmu is charted, as a RISC-V radix format";

    private static string FirstSource(CoverageMatrix matrix, CellStatus status) =>
        matrix.SourcesOf(status.Kind, status.Cell) is [var (target, scenario), ..] ? $" (first on {target}: {scenario})" : "";
}
