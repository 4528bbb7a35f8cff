using System.Text;

namespace VmSpec.Generators.Emit
{
    /// <summary>
    /// File and folder names made into C# identifiers: <c>misaligned-megapage</c> -> <c>MisalignedMegapage</c>.
    /// The result holds letters and digits only, after a <c>_</c> when it would start with a digit or be
    /// empty; so it is never a keyword (those are lower case), and an <c>_</c> anywhere further in marks
    /// a name that no file can produce (<see cref="TestNames.Data"/>).
    /// </summary>
    internal static class Names
    {
        /// <summary>
        /// Metadata holds names of at most 1024 UTF-8 bytes (CS7013); 200 characters of at most three
        /// bytes each leave room for suffixes. A path handed to the generator has no such bound.
        /// </summary>
        private const int MaxIdentifier = 200;

        public static string Pascal(string name)
        {
            var builder = new StringBuilder(name.Length);
            var upper = true;
            foreach (var c in name)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            if (builder.Length == 0 || char.IsDigit(builder[0]))
                builder.Insert(0, '_');
            return Bounded(builder.ToString(), MaxIdentifier);
        }

        /// <summary>
        /// At most <paramref name="max"/> characters: a longer text keeps its start and ends in a hash
        /// of the whole, so two long names with one start still differ.
        /// </summary>
        public static string Bounded(string text, int max)
        {
            if (text.Length <= max)
                return text;
            const int hashLength = 8;
            return text.Substring(0, max - hashLength) + Hash(text).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>FNV-1a: string.GetHashCode differs between processes, and a generated name must not.</summary>
        private static uint Hash(string text)
        {
            var hash = 2166136261u;
            foreach (var c in text)
                hash = unchecked((hash ^ c) * 16777619u);
            return hash;
        }
    }
}
