using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using VmSpec.Generators.Emit;
using VmSpec.Generators.Model;
using VmSpec.Generators.Pipeline;
using VmSpec.Scenarios;

namespace VmSpec.Generators
{
    /// <summary>
    /// Scenario files (AdditionalFiles under a <c>specs</c> folder) x registered MMUs -> NUnit tests.
    /// Each file is parsed on its own and emitted on its own, so editing one scenario re-runs one
    /// parse and one emit; diagnostics leave through their own output, never through the code model.
    /// Which files clash (one test name for two files) is decided from all the paths together, and a
    /// file that yields is not emitted, so two sources never share a hint name.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ConformanceGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names, for tests that prove what is cached.</summary>
        public const string ParseStep = "Parse";
        public const string EmitStep = "Emit";
        public const string TargetsStep = "Targets";
        public const string ClashesStep = "Clashes";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var files = context.AdditionalTextsProvider.Where(file => ScenarioFiles.IsScenario(file.Path));

            var parsed = files
                .Select(ScenarioFiles.Parse)
                .WithTrackingName(ParseStep);

            // From the paths only: editing a scenario's text leaves this equal, and so cached.
            var clashes = files
                .Select((file, _) => file.Path)
                .Collect()
                .Select(Clashes.Find)
                .WithTrackingName(ClashesStep);

            var targetResults = context.SyntaxProvider
                .ForAttributeWithMetadataName(TargetAttributes.AttributeName, (_, _) => true, TargetAttributes.Read)
                .SelectMany((results, _) => results)
                .Collect();

            var targets = targetResults
                .Select((results, _) => EquatableArray.From(results.Where(r => r.Target is not null).Select(r => r.Target!).Distinct()))
                .WithTrackingName(TargetsStep);

            var sources = parsed
                .Where(p => p.Model is not null)
                .Select((p, _) => p.Model!)
                .Combine(targets)
                .Combine(clashes.Select((found, _) => found.Withheld))
                .Select((input, _) => Emit(input.Left.Left, input.Left.Right, input.Right))
                .WithTrackingName(EmitStep);

            var specsRoot = context.AnalyzerConfigOptionsProvider
                .Select((options, _) => options.GlobalOptions.TryGetValue(SpecsRoot.Property, out var root) ? root : null);

            // How many scenario files there are, and the kinds the valid ones list: a project that names
            // its specs root (as the props file and the package do) and would run nothing, or register
            // a target no scenario names, hears so, rather than pass green with no test.
            var scenarioCount = files.Collect().Select((all, _) => all.Length);
            var layout = specsRoot.Combine(scenarioCount);
            var kindsNamed = parsed
                .Select((p, _) => p.Model?.Mmu ?? EquatableArray<string>.Empty)
                .Collect()
                .Select((lists, _) => EquatableArray.From(lists.SelectMany(list => list).Distinct().OrderBy(kind => kind, StringComparer.Ordinal)));

            var skipped = context.AdditionalTextsProvider
                .Where(file => ScenarioFiles.IsSkippedScenario(file.Path))
                .Select((file, _) => ScenarioFiles.Skipped(file.Path));

            context.RegisterSourceOutput(parsed.Select((p, _) => p.Diagnostics), Report);
            context.RegisterSourceOutput(skipped, (output, info) => output.ReportDiagnostic(info.ToDiagnostic()));
            context.RegisterSourceOutput(clashes.Select((found, _) => found.Diagnostics), Report);
            context.RegisterSourceOutput(layout, (output, input) =>
            {
                var (root, count) = input;
                if (SpecsRoot.Check(root) is { } error)
                    output.ReportDiagnostic(error.ToDiagnostic());
                else if (count == 0 && !string.IsNullOrWhiteSpace(root))
                    output.ReportDiagnostic(GeneratorDiagnostics.NoScenarios(root!).ToDiagnostic());
            });
            // The attributes' diagnostics are located in their C# file, so they need the compilation's
            // tree for it (for #pragma to apply): a few attributes to report, whatever the edit.
            context.RegisterSourceOutput(targetResults.Combine(kindsNamed).Combine(layout).Combine(context.CompilationProvider), (output, input) =>
            {
                var (((results, kinds), (root, count)), source) = input;
                ReportTargets(output, results, source);
                // With no scenario at all, VMS1006 says it once for every target.
                if (string.IsNullOrWhiteSpace(root) || count == 0)
                    return;
                foreach (var result in results)
                    if (result.Target is { } target && !kinds.Contains(target.Kind))
                        output.ReportDiagnostic(GeneratorDiagnostics.TargetWithoutScenarios(target, result.Location).ToDiagnostic(source));
            });
            context.RegisterSourceOutput(targets, (output, list) => Guard(output, "emitting VmSpecSuite", () => output.AddSource(SuiteEmitter.HintName, SuiteEmitter.Emit(list))));
            context.RegisterSourceOutput(sources, (output, source) => Guard(output, $"adding {source?.HintName}", () =>
            {
                if (source?.Error is { } error)
                    output.ReportDiagnostic(error.ToDiagnostic());
                else if (source?.Text is { } text)
                    output.AddSource(source.HintName, text);
            }));
        }

        private static GeneratedSource? Emit(ScenarioModel model, EquatableArray<TargetModel> targets, EquatableArray<string> withheld)
        {
            // A file that yields its test name to another has its error from Clashes, and no source.
            if (withheld.Contains(model.Path))
                return null;
            try
            {
                return new GeneratedSource(model.Names.HintName, ScenarioEmitter.Emit(model, targets), null);
            }
            catch (Exception exception)
            {
                return new GeneratedSource(model.Names.HintName, null, GeneratorDiagnostics.InternalError($"emitting {model.Path}", exception));
            }
        }

        private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (var diagnostic in diagnostics)
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        private static void ReportTargets(SourceProductionContext output, System.Collections.Immutable.ImmutableArray<TargetResult> results, Compilation compilation)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var result in results)
            {
                if (result.Error is { } error)
                    output.ReportDiagnostic(error.ToDiagnostic(compilation));
                else if (result.Target is { } target && !seen.Add(target.Name))
                    output.ReportDiagnostic(GeneratorDiagnostics.DuplicateTarget(target.Name, result.Location).ToDiagnostic(compilation));
            }
        }

        private static void Guard(SourceProductionContext output, string what, Action action)
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                output.ReportDiagnostic(GeneratorDiagnostics.InternalError(what, exception).ToDiagnostic());
            }
        }
    }

    /// <summary>The emit step's output: a file to add, or why there is none. Text is null when no target runs the scenario.</summary>
    internal sealed record GeneratedSource(string HintName, string? Text, DiagnosticInfo? Error);
}
