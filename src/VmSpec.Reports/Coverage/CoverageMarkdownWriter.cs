namespace VmSpec.Reports.Coverage;

/// <summary>
/// The matrix as a markdown page (the repository's is <c>docs/coverage.md</c>): per kind, the counts
/// table, the rules with the spec text they come from, why some cells cannot occur, and the empty
/// cells. Nothing in it depends on the time or the machine, so the page can be checked for staleness.
/// </summary>
public static class CoverageMarkdownWriter
{
    /// <param name="command">The command that wrote the page, shown so that whoever reads it can write it again.</param>
    public static void Write(CoverageMatrix matrix, TextWriter output, string command)
    {
        output.WriteLine("# Spec coverage");
        output.WriteLine();
        output.WriteLine("Generated from the walks and kernel steps the corpus actually runs; do not edit by hand. Regenerate with:");
        output.WriteLine();
        output.WriteLine("```sh");
        output.WriteLine(command);
        output.WriteLine("```");
        output.WriteLine();
        output.WriteLine("Each cell counts the accesses (for the kernel, the process steps) that exercised the rule there. `·` marks a cell that cannot occur");
        output.WriteLine("(the reasons follow each table); **0** marks a reachable cell no scenario reaches, and **N!** a cell that cannot occur");
        output.WriteLine("yet was reached N times: an MMU broke the rule, or the model is wrong (each is listed after its tables).");
        foreach (var model in matrix.Models)
            WriteModel(matrix, model, output);
    }

    private static void WriteModel(CoverageMatrix matrix, CoverageModel model, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"## {model.Kind}");
        output.WriteLine();
        output.WriteLine($"Rule × {model.PlaceAxis} × mode × operation: {CoverageLayout.Summary(matrix, model)}.");
        output.WriteLine();

        var columns = CoverageLayout.Columns(model).ToList();
        output.WriteLine("| rule | " + string.Join(" | ", columns.Select(column => $"{column.Place} {column.Mode} {column.Op}")) + " |");
        output.WriteLine("|---|" + string.Concat(columns.Select(_ => "--:|")));
        foreach (var rule in model.Rules)
        {
            var cells = CoverageLayout.Row(matrix, model, rule).Select(status =>
            {
                var text = CoverageLayout.CellText(status, "·");
                return status.Reachable && status.Count == 0 || status.Count > 0 && !status.Reachable ? $"**{text}**" : text;
            });
            output.WriteLine($"| `{rule.Name}` | " + string.Join(" | ", cells) + " |");
        }

        output.WriteLine();
        output.WriteLine("| rule | spec | cannot occur |");
        output.WriteLine("|---|---|---|");
        foreach (var rule in model.Rules)
        {
            var exclusions = string.Join("; ", rule.Exclusions.Select(exclusion => $"{exclusion.Where}: {exclusion.Reason}"));
            output.WriteLine($"| `{rule.Name}` | {rule.Spec} | {exclusions} |");
        }

        var empty = matrix.EmptyReachable.Where(status => status.Kind == model.Kind).ToList();
        if (empty.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Empty reachable cells:");
            output.WriteLine();
            foreach (var status in empty)
                output.WriteLine($"- `{status.Cell}`");
        }

        var contradictions = matrix.Contradictions.Where(status => status.Kind == model.Kind).ToList();
        if (contradictions.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine("Reached, yet cannot occur:");
        output.WriteLine();
        foreach (var status in contradictions)
        {
            output.WriteLine($"- `{status.Cell}`: {status.Count} point(s), yet {status.UnreachableReason}");
            foreach (var source in CoverageLayout.Sources(matrix, status))
                output.WriteLine($"  - {source}");
        }
    }
}
