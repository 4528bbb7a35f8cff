namespace VmSpec.Scenarios.Parsing
{
    /// <summary>
    /// Where a line ends, as YamlDotNet counts lines for its marks (YAML 1.1's breaks: LF, CR, CRLF,
    /// NEL, LS and PS), so that positions the parser works out itself agree with the ones it is given.
    /// </summary>
    internal static class LineBreaks
    {
        public static bool IsBreak(char c) => c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';

        /// <summary>Whether a line ends at <paramref name="index"/>: a break, but not the CR of a CRLF.</summary>
        public static bool EndsLine(string text, int index) =>
            IsBreak(text[index]) && !(text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n');
    }
}
