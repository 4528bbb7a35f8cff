using System;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>
    /// Turns a failure of YamlDotNet into a VMS0001 an author can act on: what is wrong in YAML's terms,
    /// located where the author must look, never the library's internal wording.
    /// </summary>
    internal static class YamlSyntaxErrors
    {
        public static void Report(YamlException e, string text, ParseContext context)
        {
            if (e.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && FirstIndentationTab(text) is SourceSpan tab)
            {
                // YamlDotNet blames the enclosing mapping; the tab itself is where the author must look.
                context.Report(DiagnosticCatalog.YamlSyntax, tab, CleanMessage(e.Message));
            }
            else if (!ReportUnclosedFlow(text, e.Start.Index + 1, context))
            {
                string message = CleanMessage(e.Message);
                context.Report(DiagnosticCatalog.YamlSyntax, YamlTreeReader.ToSpan(e.Start, e.End), message + Hint(message, LineAt(text, e.Start.Index)));
            }
        }

        /// <summary>
        /// What the author most likely did, for the library's messages that describe only what the
        /// parser met: an anchor in a flow mapping (valid YAML that YamlDotNet cannot read), an
        /// unclosed quote, a comma left out of a flow mapping, a value with ': ' in it, or a line
        /// indented too far or not far enough.
        /// </summary>
        private static string Hint(string message, string line)
        {
            if (message.IndexOf("flow mapping", StringComparison.Ordinal) >= 0 && (line.IndexOf('&') >= 0 || line.IndexOf('*') >= 0))
                return " (an anchor or alias inside '{ ... }' cannot be read here; write that mapping in block style, one key per line)";
            if (message.IndexOf("flow mapping", StringComparison.Ordinal) >= 0 && CommaMissing(line) is bool commaMissing)
                return commaMissing ? " (is a ',' missing between two entries?)" : " (a value holding ': ' needs quotes)";
            if (message.IndexOf("quoted scalar", StringComparison.Ordinal) >= 0)
                return " (is a closing quote missing?)";
            if (message.IndexOf("found invalid mapping", StringComparison.Ordinal) >= 0)
                return " (a value holding ': ' needs quotes, or this line is indented deeper than the key it belongs to)";
            if (message.IndexOf("expected '-' indicator", StringComparison.Ordinal) >= 0)
                return " (this line is indented less than the list item it belongs to: line its key up with the key after the '-')";
            return "";
        }

        /// <summary>
        /// For a '{ ... }' entry (up to the next ',') that holds ': ' twice: true when a ',' was more
        /// likely left out (<c>va: 0x1000 pa: 0x2000</c>, a space inside what would be the value),
        /// false when quotes were (<c>fault: a: b</c>). Null when no entry holds ': ' twice.
        /// </summary>
        private static bool? CommaMissing(string line)
        {
            int open = line.IndexOf('{');
            if (open < 0) return null;
            foreach (var entry in line.Substring(open + 1).Split(','))
            {
                int first = entry.IndexOf(": ", StringComparison.Ordinal);
                int second = first < 0 ? -1 : entry.IndexOf(": ", first + 2, StringComparison.Ordinal);
                if (second >= 0) return entry.Substring(first + 2, second - first - 2).Trim().IndexOf(' ') >= 0;
            }
            return null;
        }

        private static string LineAt(string text, long index)
        {
            int at = (int)Math.Max(0, Math.Min(index, text.Length));
            int start = at;
            while (start > 0 && !LineBreaks.IsBreak(text[start - 1])) start--;
            int end = at;
            while (end < text.Length && !LineBreaks.IsBreak(text[end])) end++;
            return text.Substring(start, end - start);
        }

        /// <summary>A .NET exception from YamlDotNet: it carries no position, so the best place known is just after the last good event.</summary>
        public static void ReportScannerFailure(Exception e, string text, Mark lastGood, ParseContext context)
        {
            if (ReportUnclosedFlow(text, long.MaxValue, context)) return;
            string what = e.Message.IndexOf("tag", StringComparison.OrdinalIgnoreCase) >= 0
                ? "a malformed tag ('!...') after this point"
                : "cannot read the YAML after this point; check its brackets, quotes and indentation";
            context.Report(DiagnosticCatalog.YamlSyntax, YamlTreeReader.ToSpan(lastGood, lastGood), what);
        }

        private static bool ReportUnclosedFlow(string text, long before, ParseContext context)
        {
            if (UnclosedFlow.Find(text, before, out bool isSequence) is not SourceSpan bracket) return false;
            string message = isSequence
                ? "unterminated flow sequence: the '[' opened here has no matching ']'"
                : "unterminated flow mapping: the '{' opened here has no matching '}'";
            context.Report(DiagnosticCatalog.YamlSyntax, bracket, message);
            return true;
        }

        /// <summary>
        /// The first tab in a line's leading whitespace (YAML indents with spaces only), leaving out
        /// lines of whitespace alone and the content of block scalars (<c>|</c>, <c>&gt;</c>), where a
        /// tab is text. Lines end where YamlDotNet ends them (<see cref="LineBreaks"/>).
        /// </summary>
        private static SourceSpan? FirstIndentationTab(string text)
        {
            int? blockParent = null;
            int offset = 0, line = 1;
            while (true)
            {
                int end = offset;
                while (end < text.Length && !LineBreaks.IsBreak(text[end])) end++;
                var content = text.Substring(offset, end - offset);
                int spaces = 0;
                while (spaces < content.Length && content[spaces] == ' ') spaces++;
                bool blank = content.Trim().Length == 0;
                if (blockParent is int parent && (blank || spaces > parent))
                {
                    // inside the block scalar: text, tabs included
                }
                else if (!blank)
                {
                    blockParent = null;
                    for (int i = 0; i < content.Length && (content[i] == ' ' || content[i] == '-' || content[i] == '\t'); i++)
                    {
                        if (content[i] == '\t') return new SourceSpan(line, i + 1, line, i + 2, offset + i, offset + i + 1);
                    }
                    if (BlockScalarHeader.IsMatch(content)) blockParent = spaces;
                }
                if (end >= text.Length) return null;
                offset = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
                line++;
            }
        }

        /// <summary>A line whose value opens a block scalar: <c>key: |</c>, <c>- &gt;-</c>, with indicators and a comment allowed.</summary>
        private static readonly Regex BlockScalarHeader = new Regex(@"(?:^|[:\-])\s*[|>][1-9+\-]{0,2}\s*(?:#.*)?$", RegexOptions.CultureInvariant);

        private static string CleanMessage(string message)
        {
            // YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 1) - (...): "; the location is ours to give.
            int index = message.IndexOf("): ", StringComparison.Ordinal);
            return message.StartsWith("(Line", StringComparison.Ordinal) && index >= 0 ? message.Substring(index + 3) : message;
        }
    }
}
