using System.CommandLine;
using System.CommandLine.Parsing;
using VmSpec.Runner.Loading;
using VmSpec.Runner.Targets;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Commands;

/// <summary>
/// The scenarios under the paths a command was given. Every problem (a missing path, a format
/// error) is printed to the error writer in compiler form, and kept: commands exit 2 on any.
/// </summary>
internal sealed record Corpus(IReadOnlyList<string> Paths, IReadOnlyList<Scenario> Scenarios, IReadOnlyList<FileProblem> Problems)
{
    /// <summary>The tags <see cref="Tagged"/> kept scenarios by; empty when every scenario is kept.</summary>
    public IReadOnlyList<string> Tags { get; private init; } = [];

    /// <summary>The files that could not be read or have format errors, and the paths that name nothing.</summary>
    public int Broken => Problems.Count;

    /// <summary>
    /// The <c>paths</c> argument of a command that reads scenarios. A token shaped like an option
    /// that names no file is refused as an unknown option, rather than read as a missing path.
    /// </summary>
    public static Argument<string[]> PathsArgument()
    {
        var paths = new Argument<string[]>("paths") { Description = "Scenario files or folders.", Arity = ArgumentArity.OneOrMore };
        paths.Validators.Add(result =>
        {
            var options = (result.Parent as CommandResult)?.Command.Options.SelectMany(option => option.Aliases.Prepend(option.Name)).ToList() ?? [];
            foreach (var token in result.Tokens.Select(token => token.Value))
            {
                if (!token.StartsWith('-') || File.Exists(token) || Directory.Exists(token))
                    continue;
                var near = options.FirstOrDefault(option => Spelling.OneSlipApart(token, option));
                result.AddError(near is null ? $"Unrecognized option '{token}'." : $"Unrecognized option '{token}'; did you mean '{near}'?");
            }
        });
        return paths;
    }

    public static Corpus Load(IReadOnlyList<string> paths, TextWriter error)
    {
        var files = ScenarioFiles.Discover(paths, out var missing);
        var nowhere = missing.Select(path => new FileProblem(path, [$"{path}: error VMS0000: no such file or folder"])).ToList();
        foreach (var problem in nowhere)
            error.WriteLine(problem.Errors[0]);
        foreach (var skipped in ScenarioFiles.SkippedYaml(paths))
            error.WriteLine(ScenarioIdentity.NotRead.Create(skipped, SourceSpan.Start, skipped));

        var loaded = LoadedScenario.LoadAll(files);
        foreach (var diagnostic in loaded.SelectMany(file => file.Diagnostics))
            error.WriteLine(diagnostic);

        var scenarios = loaded.Select(file => file.Scenario).OfType<Scenario>().ToList();
        var broken = loaded.Where(file => file.HasErrors).Select(file => new FileProblem(file.Path, file.Diagnostics.Select(d => d.ToString()).ToList()));
        return new Corpus(paths, scenarios, [.. nowhere, .. broken]);
    }

    /// <summary>The scenarios with any of <paramref name="tags"/> (all of them when there are none); the problems stay.</summary>
    public Corpus Tagged(IReadOnlyList<string> tags) => tags.Count == 0 ? this : this with
    {
        Scenarios = Scenarios.Where(scenario => scenario.Tags.Any(tags.Contains)).ToList(),
        Tags = tags,
    };

    /// <summary>The scenarios none of <paramref name="targets"/> runs: no kind they list has an MMU here.</summary>
    public IReadOnlyList<Scenario> Unrunnable(IReadOnlyList<MmuTarget> targets) =>
        Scenarios.Where(scenario => !targets.Any(target => scenario.Mmu.Contains(target.Kind))).ToList();

    /// <summary>The kinds <paramref name="scenarios"/> list, once each, in order: what a message names as missing.</summary>
    public static string KindsOf(IEnumerable<Scenario> scenarios) =>
        string.Join(", ", scenarios.SelectMany(scenario => scenario.Mmu).Distinct().Order(StringComparer.Ordinal));
}

/// <summary>A path the corpus could not use, with every error it gave in compiler form.</summary>
internal sealed record FileProblem(string Path, IReadOnlyList<string> Errors);
