namespace VmSpec.Scenarios.Parsing
{
    /// <summary>Spellings of the format's identifiers, checked by hand (no Regex: this runs inside the compiler).</summary>
    internal static class NameSyntax
    {
        /// <summary>MMU kinds and features: <c>[a-z][a-z0-9-]*</c>, e.g. <c>sv39</c>, <c>single-level</c>.</summary>
        public static bool IsKindOrFeature(string s) => Matches(s, c => IsLower(c), c => IsLower(c) || IsDigit(c) || c == '-');

        public const string KindOrFeatureRule = "lowercase letters, digits and '-', starting with a letter";

        /// <summary>Snapshot labels: <c>[a-z0-9][a-z0-9-]*</c> (they become part of a file name).</summary>
        public static bool IsSnapshotLabel(string s) => Matches(s, c => IsLower(c) || IsDigit(c), c => IsLower(c) || IsDigit(c) || c == '-');

        /// <summary>Names bound by <c>as</c>: <c>[A-Za-z_][A-Za-z0-9_-]*</c>. Never starts with a digit, so never looks like a number.</summary>
        public static bool IsAddressName(string s) => Matches(s, c => IsLetter(c) || c == '_', c => IsLetter(c) || IsDigit(c) || c == '_' || c == '-');

        public const string AddressNameRule = "an ASCII letter or '_', then ASCII letters, digits, '_' or '-'";

        /// <summary>Tags become test categories: <c>[A-Za-z0-9][A-Za-z0-9_.-]*</c> (no spaces or commas, which break category filters).</summary>
        public static bool IsTag(string s) => Matches(s, c => IsLetter(c) || IsDigit(c), c => IsLetter(c) || IsDigit(c) || c == '_' || c == '-' || c == '.');

        public const string TagRule = "an ASCII letter or digit, then ASCII letters, digits, '_', '-' or '.'";

        private static bool Matches(string s, System.Func<char, bool> first, System.Func<char, bool> rest)
        {
            if (s.Length == 0 || !first(s[0])) return false;
            for (int i = 1; i < s.Length; i++)
            {
                if (!rest(s[i])) return false;
            }
            return true;
        }

        private static bool IsLower(char c) => c >= 'a' && c <= 'z';

        private static bool IsLetter(char c) => IsLower(c) || (c >= 'A' && c <= 'Z');

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
