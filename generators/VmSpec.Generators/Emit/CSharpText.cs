using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace VmSpec.Generators.Emit
{
    /// <summary>
    /// Text from scenario files (paths, descriptions, names) as it may stand in generated C#. C# ends
    /// a line at NEL, LS and PS as well as at CR and LF, so any of them left raw in a comment, a
    /// <c>#line</c> path or a string literal would cut it and turn the rest into code.
    /// </summary>
    internal static class CSharpText
    {
        private static readonly char[] LineBreaks = { '\n', '\r', '\u0085', '\u2028', '\u2029' };

        /// <summary>A string literal holding <paramref name="text"/> exactly.</summary>
        public static string Literal(string text)
        {
            var literal = SymbolDisplay.FormatLiteral(text, quote: true);
            // FormatLiteral escapes CR and LF, but not every character C# reads as a line break.
            return HasLineBreak(literal) ? Escaped(literal) : literal;
        }

        public static bool HasLineBreak(string text) => text.IndexOfAny(LineBreaks) >= 0;

        /// <summary>The text on one line, for a comment: each line break a space.</summary>
        public static string OneLine(string text)
        {
            var line = new StringBuilder(text);
            foreach (var c in LineBreaks)
                line.Replace(c, ' ');
            return line.ToString();
        }

        private static string Escaped(string literal)
        {
            var escaped = new StringBuilder(literal.Length + 16);
            foreach (var c in literal)
            {
                if (System.Array.IndexOf(LineBreaks, c) >= 0)
                    escaped.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                else
                    escaped.Append(c);
            }
            return escaped.ToString();
        }
    }
}
