using System.CommandLine;
using VmSpec.Runner.Loading;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Commands;

/// <summary>
/// The scenarios under the paths a command was given. Every problem (a missing path, a format
/// error) is printed to the error writer in compiler form, and counted: commands exit 2 on any.
/// </summary>
internal sealed record Corpus(IReadOnlyList<string> Paths, IReadOnlyList<Scenario> Scenarios, int Broken)
{
    /// <summary>
    /// The <c>paths</c> argument of a command that reads scenarios. A token shaped like an option
    /// that names no file is refused as an unknown option, rather than read as a missing path.
    /// </summary>
    public static Argument<string[]> PathsArgument()
    {
        var paths = new Argument<string[]>("paths") { Description = "Scenario files or folders.", Arity = ArgumentArity.OneOrMore };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(token => token.Value))
                if (token.StartsWith('-') && !File.Exists(token) && !Directory.Exists(token))
                    result.AddError($"Unrecognized option '{token}'.");
        });
        return paths;
    }

    public static Corpus Load(IReadOnlyList<string> paths, TextWriter error)
    {
        var files = ScenarioFiles.Discover(paths, out var missing);
        foreach (var path in missing)
            error.WriteLine($"{path}: error VMS0000: no such file or folder");

        var loaded = LoadedScenario.LoadAll(files);
        foreach (var diagnostic in loaded.SelectMany(file => file.Diagnostics))
            error.WriteLine(diagnostic);

        var scenarios = loaded.Select(file => file.Scenario).OfType<Scenario>().ToList();
        return new Corpus(paths, scenarios, loaded.Count(file => file.HasErrors) + missing.Count);
    }

    /// <summary>The scenarios none of <paramref name="targets"/> runs: no kind they list has an MMU here.</summary>
    public IReadOnlyList<Scenario> Unrunnable(IReadOnlyList<MmuTarget> targets) =>
        Scenarios.Where(scenario => !targets.Any(target => scenario.Mmu.Contains(target.Kind))).ToList();

    /// <summary>The kinds <paramref name="scenarios"/> list, once each, in order: what a message names as missing.</summary>
    public static string KindsOf(IEnumerable<Scenario> scenarios) =>
        string.Join(", ", scenarios.SelectMany(scenario => scenario.Mmu).Distinct().Order(StringComparer.Ordinal));
}
