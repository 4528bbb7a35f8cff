using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using VmSpec.Generators.Emit;
using VmSpec.Generators.Model;
using VmSpec.Scenarios;

namespace VmSpec.Generators.Pipeline
{
    /// <summary>Which additional files are scenarios, and how one becomes a <see cref="ParsedScenario"/>.</summary>
    internal static class ScenarioFiles
    {
        /// <summary><c>.yaml</c> files with a <c>specs</c> folder somewhere above them.</summary>
        public static bool IsScenario(string path)
        {
            var normalized = path.Replace('\\', '/');
            return normalized.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                && (normalized.Contains("/specs/") || normalized.StartsWith("specs/", StringComparison.Ordinal))
                && !normalized.Contains("/__snapshots__/");
        }

        public static ParsedScenario Parse(AdditionalText file, System.Threading.CancellationToken cancellationToken)
        {
            try
            {
                var text = file.GetText(cancellationToken)?.ToString() ?? "";
                return Parse(file.Path, text);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception exception)
            {
                // Never CS8785: whatever went wrong becomes one diagnostic on this file.
                var diagnostic = GeneratorDiagnostics.InternalError($"reading {file.Path}", exception, LocationInfo.From(file.Path, SourceSpan.Start));
                return new ParsedScenario(null, EquatableArray.Create(diagnostic));
            }
        }

        public static ParsedScenario Parse(string path, string text)
        {
            var result = ScenarioParser.Parse(path, text);
            var titles = DiagnosticCatalog.All.ToDictionary(d => d.Id, d => d.Title);
            var diagnostics = EquatableArray.From(result.Diagnostics.Select(d =>
                DiagnosticInfo.From(d, titles.TryGetValue(d.Id, out var title) ? title : d.Id)));
            return new ParsedScenario(result.Scenario is { } scenario ? Model(scenario) : null, diagnostics);
        }

        private static ScenarioModel Model(Scenario scenario)
        {
            var fixture = Names.Pascal(scenario.Area);
            var method = Names.Method(fixture, scenario.Id);
            return new ScenarioModel(
                $"{fixture}.{method}.g.cs",
                scenario.FilePath,
                fixture,
                method,
                scenario.Mmu,
                scenario.Tags,
                scenario.Description,
                ModelLiteral.Write(scenario, scenario.FilePath));
        }
    }
}
