using System;
using System.Collections.Generic;
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
        private const int Utf8CodePage = 65001;

        private static readonly Dictionary<string, string> Titles = TitlesById();

        /// <summary>
        /// <c>.yaml</c> files with a <c>specs</c> folder somewhere above them. Other YAML may be an
        /// additional file for another tool, so a file elsewhere is left alone rather than reported.
        /// </summary>
        public static bool IsScenario(string path)
        {
            var normalized = path.Replace('\\', '/');
            return ScenarioIdentity.HasExtension(normalized)
                && (normalized.Contains("/specs/") || normalized.StartsWith("specs/", StringComparison.Ordinal))
                && !normalized.Contains("/__snapshots__/");
        }

        /// <summary>A YAML file where a scenario would be, not read for its ending (<c>x.yml</c>): warned of, as <c>vmspec run</c> warns.</summary>
        public static bool IsSkippedScenario(string path) =>
            ScenarioIdentity.IsSkippedYaml(path) && IsScenario(path.Substring(0, path.LastIndexOf('.')) + ScenarioIdentity.Extension);

        public static DiagnosticInfo Skipped(string path) => Info(ScenarioIdentity.NotRead.Create(path, SourceSpan.Start, path));

        /// <summary>A scenario's test names follow from its path, before its text is read.</summary>
        public static TestNames NamesOf(string path) => TestNames.Of(ScenarioIdentity.Area(path), ScenarioIdentity.Id(path));

        public static ParsedScenario Parse(AdditionalText file, System.Threading.CancellationToken cancellationToken)
        {
            try
            {
                if (ScenarioIdentity.CheckName(file.Path) is { } misnamed)
                    return new ParsedScenario(null, EquatableArray.Create(Info(misnamed)));
                // Null is how the compiler hands over a file it failed to open: not an empty scenario.
                var source = file.GetText(cancellationToken) ?? throw new System.IO.IOException("the compiler could not read the file");
                var text = source.ToString();
                // The compiler decodes a file as UTF-8, with U+FFFD for bad bytes (which the parser
                // reports), or as the UTF-16 its byte order mark names. Then the file is not UTF-8: its
                // bytes go back to the parser, which reports the first bad one, as the runner does.
                if (source.Encoding is { } encoding && encoding.CodePage != Utf8CodePage)
                    return Parse(file.Path, encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray());
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

        public static ParsedScenario Parse(string path, string text) => Parsed(ScenarioParser.Parse(path, text));

        private static ParsedScenario Parse(string path, byte[] content) => Parsed(ScenarioParser.ParseUtf8(path, content));

        private static ParsedScenario Parsed(ParseResult result)
        {
            var diagnostics = EquatableArray.From(result.Diagnostics.Select(Info));
            return new ParsedScenario(result.Scenario is { } scenario ? Model(scenario) : null, diagnostics);
        }

        public static DiagnosticInfo Info(ScenarioDiagnostic diagnostic) =>
            DiagnosticInfo.From(diagnostic, Titles.TryGetValue(diagnostic.Id, out var title) ? title : diagnostic.Id);

        private static Dictionary<string, string> TitlesById()
        {
            var titles = new Dictionary<string, string>();
            foreach (var descriptor in DiagnosticCatalog.All.Concat(new[] { ScenarioIdentity.NotAScenarioFile, ScenarioIdentity.NoId, ScenarioIdentity.DuplicateId, ScenarioIdentity.NotRead }))
                titles[descriptor.Id] = descriptor.Title;
            return titles;
        }

        private static ScenarioModel Model(Scenario scenario) => new ScenarioModel(
            scenario.FilePath,
            NamesOf(scenario.FilePath),
            scenario.Mmu,
            scenario.Tags,
            scenario.Description,
            ModelLiteral.Write(scenario, scenario.FilePath));
    }
}
