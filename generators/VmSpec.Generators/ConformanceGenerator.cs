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
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ConformanceGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names, for tests that prove what is cached.</summary>
        public const string ParseStep = "Parse";
        public const string EmitStep = "Emit";
        public const string TargetsStep = "Targets";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var parsed = context.AdditionalTextsProvider
                .Where(file => ScenarioFiles.IsScenario(file.Path))
                .Select(ScenarioFiles.Parse)
                .WithTrackingName(ParseStep);

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
                .Select((pair, _) => Emit(pair.Left, pair.Right))
                .WithTrackingName(EmitStep);

            context.RegisterSourceOutput(parsed.Select((p, _) => p.Diagnostics), Report);
            context.RegisterSourceOutput(targetResults, ReportTargets);
            context.RegisterSourceOutput(targets, (output, list) => Guard(output, "emitting VmSpecSuite", () => output.AddSource(SuiteEmitter.HintName, SuiteEmitter.Emit(list))));
            context.RegisterSourceOutput(sources, (output, source) =>
            {
                if (source.Error is { } error)
                    output.ReportDiagnostic(error.ToDiagnostic());
                else if (source.Text is { } text)
                    output.AddSource(source.HintName, text);
            });
        }

        private static GeneratedSource Emit(ScenarioModel model, EquatableArray<TargetModel> targets)
        {
            try
            {
                return new GeneratedSource(model.HintName, ScenarioEmitter.Emit(model, targets), null);
            }
            catch (Exception exception)
            {
                return new GeneratedSource(model.HintName, null, GeneratorDiagnostics.InternalError($"emitting {model.Path}", exception));
            }
        }

        private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (var diagnostic in diagnostics)
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        private static void ReportTargets(SourceProductionContext output, System.Collections.Immutable.ImmutableArray<TargetResult> results)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var result in results)
            {
                if (result.Error is { } error)
                    output.ReportDiagnostic(error.ToDiagnostic());
                else if (result.Target is { } target && !seen.Add(target.Name))
                    output.ReportDiagnostic(GeneratorDiagnostics.DuplicateTarget(target.Name, null).ToDiagnostic());
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
