namespace VmSpec.Scenarios.Parsing
{
    /// <summary>
    /// YAML's printable set leaves out the C0 controls but tab, line feed and carriage return, DEL,
    /// the C1 controls but NEL, and U+FFFE and U+FFFF. YamlDotNet reads most of them as text, so a
    /// stray NUL would end up inside a value unseen; the first one is reported where it stands.
    /// </summary>
    internal static class ControlCharacters
    {
        /// <summary>Reports the first forbidden character, if any; true when there was one.</summary>
        public static bool Report(string text, ParseContext context)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (IsForbidden(text[i]))
                {
                    context.Report(DiagnosticCatalog.ControlCharacter, Utf8Text.PositionAfter(text.Substring(0, i)), (int)text[i]);
                    return true;
                }
            }
            return false;
        }

        private static bool IsForbidden(char c) =>
            (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            || c == 0x7F
            || (c >= 0x80 && c <= 0x9F && c != 0x85)
            || c == 0xFFFE || c == 0xFFFF;
    }
}
