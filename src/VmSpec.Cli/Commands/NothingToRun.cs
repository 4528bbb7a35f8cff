using VmSpec.Runner.Targets;

namespace VmSpec.Cli.Commands;

/// <summary>
/// A command that would run nothing. Nothing run is nothing passed, so a mistyped path or kind, or
/// a forgotten <c>--plugin</c>, must not pass CI as a green run of zero scenarios: the command
/// says why nothing would run and exits 2, before printing a summary, matrix or table of nothing.
/// </summary>
internal static class NothingToRun
{
    /// <summary>
    /// True, after saying why, when no scenario of <paramref name="corpus"/> names the kind of any
    /// of <paramref name="targets"/> (those of <paramref name="kind"/> when <c>--mmu</c> chose one).
    /// </summary>
    public static bool Explain(Corpus corpus, IReadOnlyList<MmuTarget> targets, string? kind, TextWriter error)
    {
        if (Reason(corpus, targets, kind) is not { } reason)
            return false;
        error.WriteLine($"error: nothing ran: {reason}");
        return true;
    }

    private static string? Reason(Corpus corpus, IReadOnlyList<MmuTarget> targets, string? kind)
    {
        var scenarios = corpus.Scenarios;
        if (scenarios.Count == 0 && corpus.Tags.Count > 0)
            return $"no scenario under {string.Join(", ", corpus.Paths)} has the tag {string.Join(" or ", corpus.Tags)}";
        if (scenarios.Count == 0)
            return $"no scenario files under {string.Join(", ", corpus.Paths)}";
        if (corpus.Unrunnable(targets).Count < scenarios.Count)
            return null;
        if (kind is not null)
            return $"no scenario lists kind '{kind}'";
        return string.Join(Environment.NewLine,
            [$"{scenarios.Count} scenario(s) need kinds with no MMU loaded ({Corpus.KindsOf(scenarios)}); load one with --plugin, or correct a misspelt kind in the mmu list",
             .. UnrunnableKinds.Lines(scenarios, targets)]);
    }
}
