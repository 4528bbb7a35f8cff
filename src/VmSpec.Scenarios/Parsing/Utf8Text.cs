using System.Text;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>
    /// Decodes a scenario file's bytes. A file must be UTF-8: its first bad byte is reported where it
    /// stands, since a decoder that quietly puts U+FFFD in its place hides the problem in the values.
    /// </summary>
    internal static class Utf8Text
    {
        private static readonly Encoding Lenient = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        private static readonly Encoding Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>The text, with U+FFFD for bad bytes so that the rest of the file is still checked.</summary>
        public static string Decode(byte[] content, ParseContext context)
        {
            int start = HasByteOrderMark(content) ? 3 : 0;
            try
            {
                // The strict decoder refuses overlong forms, surrogates and code points beyond U+10FFFF too.
                return Strict.GetString(content, start, content.Length - start);
            }
            catch (DecoderFallbackException invalid)
            {
                // Everything before the bad byte is valid, so its decoding is exact.
                int bad = start + invalid.Index;
                string before = Lenient.GetString(content, start, bad - start);
                context.Report(DiagnosticCatalog.InvalidUtf8, PositionAfter(before), content[bad], bad);
                return Lenient.GetString(content, start, content.Length - start);
            }
        }

        private static bool HasByteOrderMark(byte[] content) =>
            content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF;

        /// <summary>
        /// For text decoded before it reached the parser (the compiler decodes additional files, and
        /// leniently): the first U+FFFD, where a decoder put one for bytes that were not UTF-8.
        /// </summary>
        public static void ReportReplacement(string text, ParseContext context)
        {
            int at = text.IndexOf('\uFFFD');
            if (at >= 0)
                context.Report(DiagnosticCatalog.ReplacementCharacter, PositionAfter(text.Substring(0, at)));
        }

        /// <summary>The one-character span just after <paramref name="text"/>, counted as YamlDotNet counts (lines end at <see cref="LineBreaks"/>; columns are UTF-16 units).</summary>
        internal static SourceSpan PositionAfter(string text)
        {
            int line = 1, lineStart = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (LineBreaks.EndsLine(text, i))
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = text.Length - lineStart + 1;
            return new SourceSpan(line, column, line, column + 1, text.Length, text.Length + 1);
        }
    }
}
