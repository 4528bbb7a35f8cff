using System.Globalization;
using VmSpec.Runner.Results;

namespace VmSpec.Cli.Commands;

/// <summary>One line per scenario × MMU, a failure's message indented below it, and the closing summary.</summary>
internal static class ResultPrinter
{
    public static void Print(ScenarioResult result, RunSettings settings, TextWriter output)
    {
        var name = $"{result.Scenario.Area}/{result.Scenario.Id} [{result.Target.Name}]";
        switch (result.Outcome)
        {
            case Outcome.Passed when !settings.Quiet:
                output.WriteLine($"pass  {name}");
                break;
            case Outcome.Failed:
                output.WriteLine($"FAIL  {name}");
                foreach (var line in result.FailureReport.Split('\n'))
                    output.WriteLine($"      {line}");
                break;
            case Outcome.Skipped:
                output.WriteLine($"skip  {name}: {result.Message}");
                break;
        }

        if (settings.Stats && result.Outcome != Outcome.Skipped)
        {
            var c = result.Counters;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"      tlb-hits {c.TlbHits}, tlb-misses {c.TlbMisses}, α {c.HitRatio:0.000}, walks {c.Walks}, pte-reads {c.PteReads}, " +
                $"EAT {c.EffectiveAccessTime(settings.TlbTime, settings.MemoryTime):0.##} ns (TLB {settings.TlbTime} ns, mem {settings.MemoryTime} ns, L {c.Levels})"));
        }
    }

    public static void Summary(IReadOnlyList<ScenarioResult> results, int brokenFiles, TimeSpan runnerTime, TextWriter output)
    {
        var passed = results.Count(r => r.Outcome == Outcome.Passed);
        var failed = results.Count(r => r.Outcome == Outcome.Failed);
        var skipped = results.Count(r => r.Outcome == Outcome.Skipped);
        var scenarios = results.Select(r => r.Scenario.FilePath).Distinct().Count();
        output.WriteLine();
        // A file with format errors, one that cannot be read, or a path that names nothing: each was said above.
        var broken = brokenFiles > 0 ? $", {brokenFiles} path(s) with errors" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenarios} scenarios, {results.Count} runs: {passed} passed, {failed} failed, {skipped} skipped{broken} (runner time {runnerTime.TotalMilliseconds:0} ms)"));
    }
}
