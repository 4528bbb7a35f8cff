using System;
using System.Linq;

namespace VmSpec.Scenarios
{
    /// <summary>
    /// Where scenarios live: under a folder named <c>specs</c>, since the format takes a scenario's
    /// area from its folder there. A root elsewhere would hold no scenario at all.
    /// </summary>
    public static class SpecsFolder
    {
        public const string Name = "specs";

        /// <summary>Whether <paramref name="folder"/> is a folder named <c>specs</c> or lies inside one.</summary>
        public static bool Holds(string folder) =>
            folder.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).Contains(Name, StringComparer.Ordinal);
    }
}
