using System;
using System.Collections.Generic;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>
    /// A checked view of a YAML mapping: on creation it reports unknown keys (VMS0003) and
    /// duplicates (VMS0004, keeping the first); then values are looked up by key.
    /// </summary>
    internal sealed class MappingView
    {
        private readonly Dictionary<string, KeyValuePair<YamlScalar, YamlNode>> entries =
            new Dictionary<string, KeyValuePair<YamlScalar, YamlNode>>(StringComparer.Ordinal);

        /// <param name="suggestedKeys">The keys a message lists for an unknown key; <paramref name="allowedKeys"/> when null.</param>
        public MappingView(ParseContext context, YamlMapping mapping, string what, IReadOnlyList<string> allowedKeys, IReadOnlyList<string>? suggestedKeys = null)
        {
            Node = mapping;
            What = what;
            foreach (var entry in mapping.Entries)
            {
                string key = entry.Key.Value;
                if (entries.TryGetValue(key, out var first))
                {
                    context.Report(DiagnosticCatalog.DuplicateKey, entry.Key.Span, key, what, first.Key.Span.Line);
                }
                else if (!Contains(allowedKeys, key))
                {
                    context.Report(DiagnosticCatalog.UnknownKey, entry.Key.Span, key, what, string.Join(", ", suggestedKeys ?? allowedKeys));
                }
                else
                {
                    entries.Add(key, entry);
                }
            }
        }

        public YamlMapping Node { get; }

        /// <summary>How messages name this mapping: "the top level", "'map'", "the expect of 'read'".</summary>
        public string What { get; }

        public YamlNode? this[string key] => entries.TryGetValue(key, out var entry) ? entry.Value : null;

        public YamlScalar? KeyOf(string key) => entries.TryGetValue(key, out var entry) ? entry.Key : null;

        public bool Has(string key) => entries.ContainsKey(key);

        /// <summary>Whether <paramref name="key"/> is among <paramref name="keys"/>, compared as written (ordinal).</summary>
        internal static bool Contains(IReadOnlyList<string> keys, string key)
        {
            for (int i = 0; i < keys.Count; i++)
            {
                if (string.Equals(keys[i], key, StringComparison.Ordinal)) return true;
            }
            return false;
        }
    }
}
