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

        public static YamlNode? Read(string text, ParseContext context)
        {
            var parser = new Parser(new StringReader(text));
            var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
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
                            Complete(new YamlScalar(ToSpan(scalar.Start, scalar.End), scalar.Value, scalar.Style), scalar.Anchor);
                            break;
                        case AnchorAlias alias:
                            if (anchors.TryGetValue(alias.Value.Value, out var target))
                            {
                                Complete(target, AnchorName.Empty);
                            }
                            else
                            {
                                // An alias to an unknown (or still open, i.e. recursive) anchor.
                                context.Report(DiagnosticCatalog.YamlSyntax, ToSpan(alias.Start, alias.End), "no anchor '" + alias.Value.Value + "' before this alias");
                                Complete(new YamlScalar(ToSpan(alias.Start, alias.End), "", ScalarStyle.Plain), AnchorName.Empty);
                            }
                            break;
                        case MappingStart mapping:
                            if (TooDeep(mapping)) return null;
                            stack.Push(new Builder(mapping.Start, mapping.Anchor, isMapping: true));
                            break;
                        case SequenceStart sequence:
                            if (TooDeep(sequence)) return null;
                            stack.Push(new Builder(sequence.Start, sequence.Anchor, isMapping: false));
                            break;
                        case MappingEnd _:
                        case SequenceEnd _:
                            var builder = stack.Pop();
                            Complete(builder.Build(current.End, context), builder.Anchor);
                            break;
                    }
                }
            }
            catch (YamlException e)
            {
                var span = ToSpan(e.Start, e.End);
                if (e.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && FirstIndentationTab(text) is SourceSpan tab)
                {
                    // YamlDotNet blames the enclosing mapping; the tab itself is where the author must look.
                    span = tab;
                }
                context.Report(DiagnosticCatalog.YamlSyntax, span, CleanMessage(e.Message));
                return null;
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException || e is IndexOutOfRangeException || e is NullReferenceException)
            {
                // YamlDotNet's scanner throws these (not YamlException) on some malformed input, e.g. an
                // unterminated flow sequence. The best place we know is just after the last good event.
                context.Report(DiagnosticCatalog.YamlSyntax, ToSpan(lastEnd, lastEnd), "malformed YAML after this point (" + e.Message + ")");
                return null;
            }

            return document;

            bool TooDeep(ParsingEvent start)
            {
                if (stack.Count < MaxDepth) return false;
                context.Report(DiagnosticCatalog.YamlSyntax, ToSpan(start.Start, start.End), $"nesting deeper than {MaxDepth} levels");
                return true;
            }

            void Complete(YamlNode node, AnchorName anchor)
            {
                // Anchors are registered only once their node is complete, so an alias can never
                // refer to one of its own ancestors and the tree stays acyclic.
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

        /// <summary>The first tab in a line's leading whitespace (YAML indents with spaces only).</summary>
        private static SourceSpan? FirstIndentationTab(string text)
        {
            int line = 1, column = 1;
            bool indentation = true;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    line++;
                    column = 1;
                    indentation = true;
                    continue;
                }
                if (indentation && c == '\t') return new SourceSpan(line, column, line, column + 1, i, i + 1);
                if (c != ' ' && c != '-') indentation = false;
                column++;
            }
            return null;
        }

        private static string CleanMessage(string message)
        {
            // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 1) - (...): "; the location is ours to give.
            int index = message.IndexOf("): ", StringComparison.Ordinal);
            return message.StartsWith("(Line", StringComparison.Ordinal) && index >= 0 ? message.Substring(index + 3) : message;
        }

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
