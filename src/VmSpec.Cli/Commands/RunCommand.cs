using System.CommandLine;
using System.Diagnostics;
using VmSpec.Runner;
using VmSpec.Runner.Results;
using VmSpec.Runner.Snapshots;
using VmSpec.Runner.Targets;

namespace VmSpec.Cli.Commands;

/// <summary>
/// <c>vmspec run PATH...</c>: every scenario under the paths (with <c>--tag</c>, those with any of
/// the tags) on every MMU (built-in or plug-in) whose kind it lists, one line per scenario × MMU,
/// then a summary; with <c>--junit FILE</c> the results as JUnit XML too. Exit 0 all passed, 1 a
/// failure, 2 bad input (a scenario, a plug-in, an MMU kind, an output file or the command line)
/// or nothing to run.
/// </summary>
public static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = Corpus.PathsArgument();
        var mmu = TargetSelection.KindOption("Run only on the MMUs of this kind, or on the one MMU of this name, as 'vmspec list' shows it (a plug-in's MMU is named after its type).");
        var stats = new Option<bool>("--stats") { Description = "Print TLB hits, misses, hit ratio, walks, PTE reads and EAT per scenario × MMU." };
        var tlbTime = TimeOption.Create("--tlb-time", "TLB search time for EAT, in ns.", 1);
        var memoryTime = TimeOption.Create("--mem-time", "Memory access time for EAT, in ns.", 100);
        var update = new Option<bool>("--update-snapshots") { Description = "Write missing or different snapshots instead of failing." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only failures, skips and the summary." };
        var plugins = TargetSelection.PluginOption();
        var tags = OptionValues.RefuseOptionAsValue(new Option<string[]>("--tag")
        {
            Description = "Run only the scenarios with this tag; repeatable (a scenario with any of them runs).",
            Arity = ArgumentArity.OneOrMore,
        });
        var junit = OptionValues.RefuseOptionAsValue(new Option<string?>("--junit") { Description = "Also write the results to this file as JUnit XML, for a CI server's test report." });

        var command = new Command("run", "Run scenarios against the built-in MMUs and those of each --plugin assembly.") { paths, mmu, stats, tlbTime, memoryTime, update, quiet, plugins, tags, junit };
        command.SetAction(parse => Execute(
            new RunSettings(
                parse.GetValue(paths) ?? [],
                parse.GetValue(mmu),
                parse.GetValue(stats),
                parse.GetValue(tlbTime),
                parse.GetValue(memoryTime),
                parse.GetValue(update) ? SnapshotMode.Update : SnapshotMode.Strict,
                parse.GetValue(quiet),
                parse.GetValue(plugins) ?? [],
                parse.GetValue(tags) ?? [],
                parse.GetValue(junit)),
            output,
            error));
        return command;
    }

    public static int Execute(RunSettings settings, TextWriter output, TextWriter error)
    {
        if (!OutputFile.TryOpen(settings.JUnit, error, out var junit))
            return ExitCodes.FormatError;
        var loaded = Corpus.Load(settings.Paths, error);
        // Before the tags narrow it: a snapshot belongs to its scenario whether or not it runs now.
        foreach (var orphan in OrphanSnapshots.Find(settings.Paths, loaded.Scenarios, loaded.Problems.Select(problem => problem.Path)))
            error.WriteLine($"warning: {Path.GetRelativePath(Directory.GetCurrentDirectory(), orphan)}: no snapshot step names this snapshot (a step, or its scenario, was removed or renamed); delete it");
        var corpus = loaded.Tagged(settings.Tags ?? []);

        if (TargetSelection.Resolve(settings.Plugins ?? [], error) is not { } available
            || TargetSelection.Chosen(available, settings.Mmu, error) is not { } targets)
            return ExitCodes.FormatError;
        // A broken file already makes the run bad input, and says so in the summary.
        if (corpus.Broken == 0 && NothingToRun.Explain(corpus, targets, settings.Mmu, error))
            return ExitCodes.FormatError;

        var runner = new ScenarioRunner(new RunOptions { Snapshots = new FileSnapshotStore(settings.Snapshots) });
        var runs = new List<TimedResult>();
        var clock = Stopwatch.StartNew();
        foreach (var scenario in corpus.Scenarios)
        {
            foreach (var target in targets.Where(target => scenario.Mmu.Contains(target.Kind)))
            {
                var started = clock.Elapsed;
                var result = runner.Run(scenario, target);
                runs.Add(new TimedResult(result, clock.Elapsed - started));
                ResultPrinter.Print(result, settings, output);
            }
        }
        clock.Stop();

        var results = runs.Select(run => run.Result).ToList();
        var broken = corpus.Broken;
        ResultPrinter.Summary(results, broken, clock.Elapsed, output);
        if (settings.Mmu is null)
            ReportUnrunnable(corpus, targets, output);
        if (junit is not null && !junit.TryWrite(writer => JUnitReport.Write(runs, corpus.Problems, writer), error))
            return ExitCodes.FormatError;
        if (broken > 0)
            return ExitCodes.FormatError;
        return results.Any(result => result.Outcome == Outcome.Failed) ? ExitCodes.Failed : ExitCodes.Passed;
    }

    /// <summary>Scenarios whose kinds no available MMU has are not failures, but they must not vanish silently.</summary>
    private static void ReportUnrunnable(Corpus corpus, IReadOnlyList<MmuTarget> targets, TextWriter output)
    {
        var unrunnable = corpus.Unrunnable(targets);
        if (unrunnable.Count == 0)
            return;
        output.WriteLine($"{unrunnable.Count} scenario(s) not run: no MMU of kind {Corpus.KindsOf(unrunnable)} here (load one with --plugin, or correct a misspelt kind in the mmu list)");
        foreach (var line in UnrunnableKinds.Lines(unrunnable, targets))
            output.WriteLine(line);
    }
}

public sealed record RunSettings(
    IReadOnlyList<string> Paths,
    string? Mmu = null,
    bool Stats = false,
    double TlbTime = 1,
    double MemoryTime = 100,
    SnapshotMode Snapshots = SnapshotMode.Strict,
    bool Quiet = false,
    IReadOnlyList<string>? Plugins = null,
    IReadOnlyList<string>? Tags = null,
    string? JUnit = null);
