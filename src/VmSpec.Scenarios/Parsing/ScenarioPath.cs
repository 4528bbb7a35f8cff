using System;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>Id and area of a scenario, from its path (the format defines both by the file's place).</summary>
    internal static class ScenarioPath
    {
        /// <summary>The file name without <c>.yaml</c>, the only ending a scenario file has.</summary>
        public static string Id(string path)
        {
            var segments = Segments(path);
            string name = segments.Length == 0 ? "" : segments[segments.Length - 1];
            return name.EndsWith(".yaml", StringComparison.Ordinal) ? name.Substring(0, name.Length - ".yaml".Length) : name;
        }

        /// <summary>
        /// The folder directly under the last <c>specs</c> directory (<c>specs/sv39/x.yaml</c> → <c>sv39</c>),
        /// or the parent folder's name when there is no <c>specs</c> directory; empty for a file
        /// directly in <c>specs/</c> or with no folder at all.
        /// </summary>
        public static string Area(string path)
        {
            var segments = Segments(path);
            int directories = segments.Length - 1;
            for (int i = directories - 1; i >= 0; i--)
            {
                if (segments[i] == "specs")
                {
                    return i + 1 < directories ? segments[i + 1] : "";
                }
            }
            return directories >= 1 ? segments[directories - 1] : "";
        }

        private static string[] Segments(string path) =>
            path.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
    }
}
