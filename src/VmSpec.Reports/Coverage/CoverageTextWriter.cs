namespace VmSpec.Reports.Coverage;

/// <summary>
/// The matrix for a terminal: a block per kind with the counts, '-' where a cell cannot occur,
/// then the reachable cells left empty, each named plainly, and the reasons cells cannot occur.
/// </summary>
public static class CoverageTextWriter
{
    // A count of up to three digits and a space; wider when an operation's name or a count is (the kernel's "call").
    private const int MinCellWidth = 4;

    public static void Write(CoverageMatrix matrix, TextWriter output)
    {
        foreach (var model in matrix.Models)
        {
            WriteModel(matrix, model, output);
            output.WriteLine();
        }

        var empty = matrix.EmptyReachable.ToList();
        output.WriteLine(empty.Count == 0 ? "Every reachable cell is covered." : $"Empty reachable cells ({empty.Count}):");
        foreach (var status in empty)
            output.WriteLine($"  {status}");

        var contradictions = matrix.Contradictions.ToList();
        if (contradictions.Count > 0)
        {
            output.WriteLine($"Observed in cells that cannot occur ({contradictions.Count}):");
            foreach (var status in contradictions)
            {
                output.WriteLine($"  {status}: {status.Count} point(s), yet {status.UnreachableReason}");
                foreach (var source in CoverageLayout.Sources(matrix, status))
                    output.WriteLine($"    {source}");
            }
        }
    }

    private static void WriteModel(CoverageMatrix matrix, CoverageModel model, TextWriter output)
    {
        var ruleWidth = model.Rules.Max(rule => rule.Name.Length) + 2;
        var rows = model.Rules.Select(rule => CoverageLayout.Row(matrix, model, rule).Select(status => CoverageLayout.CellText(status, "-")).ToList()).ToList();
        var cellWidth = new[] { MinCellWidth, model.Ops.Max(op => op.Length) + 1, rows.Max(row => row.Max(text => text.Length)) + 1 }.Max();
        var groupWidth = model.Modes.Count * model.Ops.Count * cellWidth;
        output.WriteLine($"{model.Kind} (rule x {model.PlaceAxis} x mode x op): {CoverageLayout.Summary(matrix, model)}");
        output.WriteLine(Header(model.PlaceAxis, ruleWidth, model.Places.Select(place => place.PadRight(groupWidth))));
        output.WriteLine(Header("mode", ruleWidth, model.Places.SelectMany(_ => model.Modes.Select(mode => mode.PadRight(model.Ops.Count * cellWidth)))));
        output.WriteLine(Header("op", ruleWidth, CoverageLayout.Columns(model).Select(column => column.Op.PadRight(cellWidth))));
        foreach (var (rule, row) in model.Rules.Zip(rows))
            output.WriteLine((rule.Name.PadRight(ruleWidth) + string.Concat(row.Select(text => text.PadRight(cellWidth)))).TrimEnd());
    }

    private static string Header(string label, int width, IEnumerable<string> parts) =>
        (label.PadRight(width) + string.Concat(parts)).TrimEnd();
}
