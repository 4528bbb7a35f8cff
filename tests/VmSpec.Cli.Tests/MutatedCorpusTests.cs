using System.Text.RegularExpressions;
using CsCheck;
using VmSpec.Runner;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Samples.Sv48;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Tests;

/// <summary>
/// The corpus with its numbers changed at random: addresses, PTE values, sizes, levels, ASIDs, pids,
/// lengths, memory bases. Whatever the parser accepts must run on every MMU it names to a pass or a
/// failure, never to an exception: an MMU faults on any address or PTE value, the kernel refuses a
/// call it cannot do, and a setting the machine cannot build is the parser's error, not a crash.
/// </summary>
public partial class MutatedCorpusTests
{
    private static readonly IReadOnlyList<(string Path, string Text)> Corpus = Directory
        .GetFiles(RepositoryPaths.Specs, "*.yaml", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(path => (path, File.ReadAllText(path)))
        .ToList();

    private static readonly IReadOnlyList<MmuTarget> Targets = [.. BuiltInTargets.All, MmuTarget.FromType(typeof(Sv48Mmu))];

    // Values where checks change their answer: zero, page and superpage edges, the ends of Sv39's
    // and Sv48's ranges, RAM's base and end, the top bits, all ones.
    private static readonly ulong[] EdgeValues =
    [
        0, 1, 2, 3, 7, 8, 0xFF, 0x100, 0xFFF, 0x1000, 0x1001, 0x1FFFFF, 0x20_0000, 0x3FFF_FFFF, 0x4000_0000,
        0x3F_FFFF_FFFF, 0x40_0000_0000, 0x7F_FFFF_FFFF, 0x80_0000_0000, 0xFFFF_FFC0_0000_0000, 0x7FFF_FFFF_FFFF,
        0x8000_0000, 0x80FF_F000, 0x8100_0000, 0x2008_04D7, 0x2008_0401, 0x3FF, 0xFFFF, 0x1_0000, 0xFFFF_FFFF,
        0x8000_0000_0000_0000, 0xFFC0_0000_0000_0000, ulong.MaxValue,
    ];

    [Test]
    public void Every_accepted_mutation_runs_to_a_verdict_on_every_MMU()
    {
        var mutation = Gen.Select(
            Gen.Int[0, Corpus.Count - 1],
            Gen.Select(Gen.Int[0, 10_000], Gen.OneOf(Gen.Int[0, EdgeValues.Length - 1].Select(i => EdgeValues[i]), Gen.ULong, Gen.ULong[0, 0x10_0000]), Gen.Bool)
                .Array[1, 3]);
        var accepted = 0;
        mutation.Sample((file, edits) =>
        {
            var (path, text) = Corpus[file];
            var mutated = Mutate(text, edits);
            var parsed = ScenarioParser.Parse(path, mutated);
            if (parsed.Scenario is not { } scenario)
                return true;
            accepted++;
            return RunsToAVerdict(scenario, mutated);
        }, iter: 1500);
        // Most mutations must still parse, or the runs above prove little.
        Assert.That(accepted, Is.GreaterThan(500));
    }

    [Test]
    public void Every_accepted_reordering_of_steps_runs_to_a_verdict_on_every_MMU()
    {
        // Steps dropped, repeated or swapped: processes that exit twice, switch to the dead, touch
        // memory before it is mapped, fence what was never cached.
        var reordering = Gen.Select(Gen.Int[0, Corpus.Count - 1], Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1000], Gen.Int[0, 1000]).Array[1, 4]);
        var accepted = 0;
        reordering.Sample((file, edits) =>
        {
            var (path, text) = Corpus[file];
            var mutated = Reorder(text, edits);
            if (ScenarioParser.Parse(path, mutated).Scenario is not { } scenario)
                return true;
            accepted++;
            return RunsToAVerdict(scenario, mutated);
        }, iter: 1500);
        Assert.That(accepted, Is.GreaterThan(500));
    }

    /// <summary>Runs the scenario on every MMU it names; false, after printing the run, if one threw.</summary>
    private static bool RunsToAVerdict(Scenario scenario, string text)
    {
        foreach (var target in Targets.Where(t => scenario.Mmu.Contains(t.Kind)))
        {
            var result = new ScenarioRunner().Run(scenario, target);
            if (result.Outcome == Outcome.Failed && Crashed().IsMatch(result.Message ?? ""))
            {
                TestContext.Out.WriteLine($"{scenario.FilePath} on {target.Name}: {result.Message}\n--- mutated\n{text}");
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Drops (0), repeats (1) or swaps with the next (2) the chosen steps, each a "  - " item of
    /// the steps list with its continuation lines, counted modulo how many there are.
    /// </summary>
    private static string Reorder(string text, IReadOnlyList<(int Kind, int Which, int Other)> edits)
    {
        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, line => line.StartsWith("steps:", StringComparison.Ordinal));
        if (start < 0)
            return text;
        var steps = new List<List<string>>();
        var tail = new List<string>();
        foreach (var line in lines[(start + 1)..])
        {
            if (line.StartsWith("  - ", StringComparison.Ordinal))
                steps.Add([line]);
            else if (steps.Count > 0 && (line.StartsWith("    ", StringComparison.Ordinal) || line.TrimStart().StartsWith('#')))
                steps[^1].Add(line);
            else
                tail.Add(line);
        }
        foreach (var (kind, which, _) in edits)
        {
            if (steps.Count < 2)
                break;
            var at = which % steps.Count;
            switch (kind)
            {
                case 0: steps.RemoveAt(at); break;
                case 1: steps.Insert(at, steps[at]); break;
                default: (steps[at], steps[(at + 1) % steps.Count]) = (steps[(at + 1) % steps.Count], steps[at]); break;
            }
        }
        return string.Join('\n', lines[..(start + 1)].Concat(steps.SelectMany(step => step)).Concat(tail));
    }

    /// <summary>Replaces the chosen number literals of the text (counted modulo how many there are) with new values, in hex or decimal.</summary>
    private static string Mutate(string text, IReadOnlyList<(int Which, ulong Value, bool Hex)> edits)
    {
        var numbers = NumberLiteral().Matches(text);
        if (numbers.Count == 0)
            return text;
        var replacements = edits
            .GroupBy(edit => edit.Which % numbers.Count)
            .ToDictionary(group => group.Key, group => group.Last());
        var result = new System.Text.StringBuilder(text);
        foreach (var (index, edit) in replacements.OrderByDescending(pair => pair.Key))
        {
            var number = numbers[index];
            result.Remove(number.Index, number.Length).Insert(number.Index, edit.Hex ? $"0x{edit.Value:X}" : edit.Value.ToString());
        }
        return result.ToString();
    }

    // An exception that reached the runner, or a kernel that lost or leaked a frame: a bug, whatever
    // the step. A RAM too small to boot the kernel in is a documented failure of the run
    // (docs/kernel.md), not a crash.
    [GeneratedRegex(@" threw [A-Za-z.]*Exception|could not build|could not boot the kernel on [^:]+: (?!RAM is too small)|the kernel's books do not balance")]
    private static partial Regex Crashed();

    [GeneratedRegex(@"(?<![\w.])(0x[0-9A-Fa-f_]+|[0-9][0-9_]*)(?![\w.])")]
    private static partial Regex NumberLiteral();
}
