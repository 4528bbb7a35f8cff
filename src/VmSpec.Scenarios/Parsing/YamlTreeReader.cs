using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>
    /// Builds a <see cref="YamlNode"/> tree from YamlDotNet's event stream. Iterative (an explicit
    /// stack), so deeply nested garbage cannot overflow the real stack. Syntax errors become VMS0001.
    /// </summary>
    internal static class YamlTreeReader
    {
        /// <summary>
        /// No scenario nests deeper than a handful of levels. Stopping early also bounds the cost of
        /// hostile input: YamlDotNet's scanner slows down badly on very deep flow nesting.
        /// </summary>
        internal const int MaxDepth = 64;

        private const string CoreSchemaPrefix = "tag:yaml.org,2002:";

        public static YamlNode? Read(string text, ParseContext context)
        {
            var parser = new Parser(new StringReader(text));
            // An anchor's node, or null while the anchored collection is still open: an alias to it
            // there would be recursive. A later anchor of the same name replaces an earlier one.
            var anchors = new Dictionary<string, YamlNode?>(StringComparer.Ordinal);
            var stack = new Stack<Builder>();
            YamlNode? document = null;
            int documents = 0;
            Mark lastEnd = Mark.Empty;
            try
            {
                while (parser.MoveNext())
                {
                    var current = parser.Current!;
                    lastEnd = current.End;
                    switch (current)
                    {
                        case DocumentStart start:
                            documents++;
                            if (documents == 2)
                            {
                                context.Report(DiagnosticCatalog.MultipleDocuments, ToSpan(start.Start, start.End));
                            }
                            break;
                        case Scalar scalar:
                            RefuseTag(scalar);
                            Complete(new YamlScalar(ToSpan(scalar.Start, scalar.End), scalar.Value, scalar.Style), scalar.Anchor);
                            break;
                        case AnchorAlias alias:
                            string name = alias.Value.Value;
                            if (anchors.TryGetValue(name, out var target) && target is not null)
                            {
                                Complete(target, AnchorName.Empty);
                            }
                            else
                            {
                                string problem = anchors.ContainsKey(name)
                                    ? "the alias *" + name + " is inside the node anchored '" + name + "' (a recursive alias); an alias can only repeat a node that is complete"
                                    : "no anchor '" + name + "' before this alias";
                                context.ReportInPlaceOf(DiagnosticCatalog.YamlSyntax, ToSpan(alias.Start, alias.End), problem);
                                Complete(new YamlScalar(ToSpan(alias.Start, alias.End), "", ScalarStyle.Plain), AnchorName.Empty);
                            }
                            break;
                        case MappingStart mapping:
                            if (TooDeep(mapping)) return null;
                            RefuseTag(mapping);
                            Open(new Builder(mapping.Start, mapping.Anchor, isMapping: true));
                            break;
                        case SequenceStart sequence:
                            if (TooDeep(sequence)) return null;
                            RefuseTag(sequence);
                            Open(new Builder(sequence.Start, sequence.Anchor, isMapping: false));
                            break;
                        case MappingEnd _:
                        case SequenceEnd _:
                            var builder = stack.Pop();
                            var node = builder.Build(current.End, context);
                            // Keep a same-named anchor defined inside it: that one came later in the file.
                            if (!builder.Anchor.IsEmpty && anchors[builder.Anchor.Value] is null)
                            {
                                anchors[builder.Anchor.Value] = node;
                            }
                            Complete(node, AnchorName.Empty);
                            break;
                    }
                }
            }
            catch (YamlException e)
            {
                YamlSyntaxErrors.Report(e, text, context);
                return null;
            }
            catch (Exception e) when (IsScannerFailure(e))
            {
                YamlSyntaxErrors.ReportScannerFailure(e, text, lastEnd, context);
                return null;
            }

            return document;

            bool TooDeep(ParsingEvent start)
            {
                if (stack.Count < MaxDepth) return false;
                context.Report(DiagnosticCatalog.YamlSyntax, ToSpan(start.Start, start.End), $"nesting deeper than {MaxDepth} levels");
                return true;
            }

            // The format gives every value its type by its key, so a tag could only be ignored, and
            // '!!str 0x1000' read as a number is worse than an error.
            void RefuseTag(NodeEvent node)
            {
                if (!node.Tag.IsEmpty)
                {
                    context.Report(DiagnosticCatalog.YamlTag, ToSpan(node.Start, node.End), AsWritten(node.Tag.Value));
                }
            }

            // YamlDotNet expands the '!!' shorthand; the message shows what the file says.
            static string AsWritten(string tag) =>
                tag.StartsWith(CoreSchemaPrefix, StringComparison.Ordinal) ? "!!" + tag.Substring(CoreSchemaPrefix.Length) : tag;

            void Open(Builder builder)
            {
                // Registered as open, so an alias inside it is told apart from one to no anchor at
                // all; the tree stays acyclic either way.
                if (!builder.Anchor.IsEmpty)
                {
                    anchors[builder.Anchor.Value] = null;
                }
                stack.Push(builder);
            }

            void Complete(YamlNode node, AnchorName anchor)
            {
                if (!anchor.IsEmpty)
                {
                    anchors[anchor.Value] = node;
                }
                if (stack.Count > 0)
                {
                    stack.Peek().Add(node);
                }
                else if (documents <= 1)
                {
                    document = node;
                }
            }
        }

        /// <summary>
        /// The .NET exceptions (not YamlException) YamlDotNet throws on some malformed input, e.g. a
        /// line break inside an unclosed flow sequence, or a tag that is not a URI.
        /// </summary>
        internal static bool IsScannerFailure(Exception e) =>
            e is InvalidOperationException || e is ArgumentException || e is IndexOutOfRangeException || e is NullReferenceException;

        internal static SourceSpan ToSpan(Mark start, Mark end)
        {
            int line = Clamp(start.Line), column = Clamp(start.Column);
            int endLine = Clamp(end.Line), endColumn = Clamp(end.Column);
            if (endLine < line || (endLine == line && endColumn < column))
            {
                endLine = line;
                endColumn = column;
            }
            int offset = ClampIndex(start.Index);
            return new SourceSpan(line, column, endLine, endColumn, offset, Math.Max(offset, ClampIndex(end.Index)));
        }

        private static int Clamp(long value) => value < 1 ? 1 : value > int.MaxValue ? int.MaxValue : (int)value;

        private static int ClampIndex(long value) => value < 0 ? 0 : value > int.MaxValue ? int.MaxValue : (int)value;

        private sealed class Builder
        {
            private readonly Mark start;
            private readonly bool isMapping;
            private readonly List<YamlNode> items = new List<YamlNode>();

            public Builder(Mark start, AnchorName anchor, bool isMapping)
            {
                this.start = start;
                Anchor = anchor;
                this.isMapping = isMapping;
            }

            public AnchorName Anchor { get; }

            public void Add(YamlNode node) => items.Add(node);

            public YamlNode Build(Mark end, ParseContext context)
            {
                var span = ToSpan(start, end);
                if (!isMapping)
                {
                    return new YamlSequence(span, items);
                }
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>(items.Count / 2);
                for (int i = 0; i + 1 < items.Count; i += 2)
                {
                    if (items[i] is YamlScalar key)
                    {
                        entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, items[i + 1]));
                    }
                    else
                    {
                        context.Report(DiagnosticCatalog.WrongNodeKind, items[i].Span, "A key", "a plain word", items[i].Describe());
                    }
                }
                return new YamlMapping(span, entries);
            }
        }
    }
}
