using System;
using System.Collections.Generic;

namespace VmSpec.Scenarios
{
    using VmSpec.Scenarios.Parsing;

    /// <summary>The entry point: YAML text in, a checked <see cref="Scenario"/> and every diagnostic out. Never throws.</summary>
    public static class ScenarioParser
    {
        private static readonly string[] TopLevelKeys =
        {
            "description", "spec", "mmu", "requires", "tags", "memory", "paging", "segmentation", "sv39", "tlb", "kernel", "steps",
        };

        /// <param name="path">The file's path, used for the id, the area and the diagnostics' location.</param>
        /// <param name="text">The file's contents.</param>
        public static ParseResult Parse(string path, string text)
        {
            path ??= "";
            return Guarded(path, () => ParseCore(path, text ?? ""));
        }

        /// <summary>
        /// Parses a file's bytes, as read from disk. Prefer it to decoding the file first: bytes that
        /// are not UTF-8 become a diagnostic at the first bad one, where a decoder would replace them
        /// silently. A UTF-8 byte order mark is allowed.
        /// </summary>
        /// <param name="path">The file's path, used for the id, the area and the diagnostics' location.</param>
        /// <param name="content">The file's bytes.</param>
        public static ParseResult ParseUtf8(string path, byte[] content)
        {
            path ??= "";
            return Guarded(path, () => ParseCore(path, content ?? Array.Empty<byte>()));
        }

        private static ParseResult Guarded(string path, Func<ParseResult> parse)
        {
            try
            {
                return parse();
            }
            catch (Exception e)
            {
                // A safety net for the compiler's sake: a bug here must become a diagnostic, not a crashed
                // generator. The tests call ParseCore directly, so they still see any such bug.
                var diagnostic = DiagnosticCatalog.InternalError.Create(path, SourceSpan.Start, e.GetType().Name + ": " + e.Message);
                return new ParseResult(null, EquatableArray.Create(diagnostic));
            }
        }

        internal static ParseResult ParseCore(string path, string text)
        {
            var context = new ParseContext(path);
            Utf8Text.ReportReplacement(text, context);
            return ParseText(context, text);
        }

        internal static ParseResult ParseCore(string path, byte[] content)
        {
            var context = new ParseContext(path);
            var text = Utf8Text.Decode(content, context);
            // A U+FFFD written as such: the generator gets the compiler's decoding, where it cannot be
            // told from a bad byte's, so it refuses it; the runner does too, so that both agree.
            if (context.Diagnostics.Count == 0)
                Utf8Text.ReportReplacement(text, context);
            return ParseText(context, text);
        }

        private static ParseResult ParseText(ParseContext context, string text)
        {
            // YamlDotNet would go on to report what the character did to the parse (an unclosed
            // quote, an unknown word), errors that point away from it: the one error is enough.
            if (ControlCharacters.Report(text, context))
                return new ParseResult(null, new EquatableArray<ScenarioDiagnostic>(context.InFileOrder()));
            var root = YamlTreeReader.Read(text, context);
            if (root is null && context.Diagnostics.Count == 0)
            {
                // An empty file, or one with only comments.
                context.Report(DiagnosticCatalog.WrongNodeKind, SourceSpan.Start, "A scenario", "a mapping with description, mmu and steps", "nothing");
            }
            var scenario = root is null ? null : ReadScenario(context.FilePath, root, context);
            return new ParseResult(context.HasErrors ? null : scenario, new EquatableArray<ScenarioDiagnostic>(context.InFileOrder()));
        }

        private static Scenario? ReadScenario(string path, YamlNode root, ParseContext context)
        {
            if (root is not YamlMapping mapping)
            {
                context.Report(DiagnosticCatalog.WrongNodeKind, root.Span, "A scenario", "a mapping with description, mmu and steps", root.Describe());
                return null;
            }
            var values = new ValueReader(context);
            var settings = new SettingsReader(context, values);
            var top = new MappingView(context, mapping, "the top level", TopLevelKeys);

            var description = values.Text(values.Require(top, "description"), "description");
            var spec = values.Text(top["spec"], "spec");
            var mmuNode = values.Require(top, "mmu");
            var mmu = settings.Words(mmuNode, "mmu", NameSyntax.IsKindOrFeature, "MMU kind", NameSyntax.KindOrFeatureRule, required: true);
            var requires = settings.Words(top["requires"], "requires", NameSyntax.IsKindOrFeature, "feature", NameSyntax.KindOrFeatureRule, required: false);
            var tags = settings.Words(top["tags"], "tags", NameSyntax.IsTag, "tag", NameSyntax.TagRule, required: false);
            int before = context.Diagnostics.Count;
            var memory = settings.Memory(top["memory"]);
            var paging = settings.Paging(top["paging"], out var vaBitsNode);
            bool memoryAndPagingValid = context.Diagnostics.Count == before;
            before = context.Diagnostics.Count;
            var segmentation = settings.Segmentation(top["segmentation"]);
            bool segmentationValid = context.Diagnostics.Count == before;
            var sv39 = settings.Sv39(top["sv39"]);
            var tlb = settings.Tlb(top["tlb"]);
            var kernel = settings.Kernel(top["kernel"]);

            var shape = new ScenarioShape(mmu.ToArray(), paging, segmentation, segmentationValid);
            // Only a valid paging section is worth checking against RAM; otherwise the error is already told.
            if (shape.HasSingleLevel && memoryAndPagingValid)
            {
                var where = vaBitsNode?.Span ?? top.KeyOf("paging")?.Span ?? top.KeyOf("memory")?.Span ?? mmuNode?.Span ?? SourceSpan.Start;
                settings.CheckSingleLevelTable(paging, memory, where);
            }
            values.Shape = shape;

            var steps = ReadSteps(values.Require(top, "steps"), new StepReader(context, values, shape), context);
            if (description is null || steps is null) return null;
            return new Scenario(
                ScenarioIdentity.Id(path),
                ScenarioIdentity.Area(path),
                path,
                description,
                spec,
                mmu,
                requires,
                tags,
                memory,
                paging,
                segmentation,
                sv39,
                tlb,
                kernel,
                steps.Value);
        }

        private static EquatableArray<Step>? ReadSteps(YamlNode? node, StepReader reader, ParseContext context)
        {
            if (node is null) return null;
            if (node is not YamlSequence sequence)
            {
                context.Report(DiagnosticCatalog.WrongNodeKind, node.Span, "'steps'", "a list of steps", node.Describe());
                return null;
            }
            if (sequence.Items.Count == 0)
            {
                context.Report(DiagnosticCatalog.Empty, sequence.Span, "'steps'");
                return null;
            }
            var steps = new List<Step>(sequence.Items.Count);
            foreach (var item in sequence.Items)
            {
                // Keep going after a bad step: the author gets every error of the file at once.
                if (reader.Read(item) is Step step) steps.Add(step);
            }
            return new EquatableArray<Step>(steps.ToArray());
        }
    }
}
