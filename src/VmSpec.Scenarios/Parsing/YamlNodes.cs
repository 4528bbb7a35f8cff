using System.Collections.Generic;
using YamlDotNet.Core;

namespace VmSpec.Scenarios.Parsing
{
    // A minimal YAML tree of our own. YamlDotNet's representation model throws on duplicate keys
    // and hides key positions; this one keeps every entry, in order, with its span.

    internal abstract class YamlNode
    {
        protected YamlNode(SourceSpan span) => Span = span;

        public SourceSpan Span { get; }

        /// <summary>What the node is, for messages: "a mapping", "a sequence", "'abc'", "nothing".</summary>
        public abstract string Describe();
    }

    internal sealed class YamlScalar : YamlNode
    {
        public YamlScalar(SourceSpan span, string value, ScalarStyle style) : base(span)
        {
            Value = value;
            Style = style;
        }

        public string Value { get; }

        public ScalarStyle Style { get; }

        /// <summary>An unquoted empty value, <c>~</c> or <c>null</c>: YAML's null.</summary>
        public bool IsNull => Style == ScalarStyle.Plain && (Value.Length == 0 || Value == "~" || Value == "null");

        public override string Describe() => IsNull ? "nothing" : "'" + Value + "'";
    }

    internal sealed class YamlMapping : YamlNode
    {
        public YamlMapping(SourceSpan span, List<KeyValuePair<YamlScalar, YamlNode>> entries) : base(span) => Entries = entries;

        public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; }

        public override string Describe() => "a mapping";
    }

    internal sealed class YamlSequence : YamlNode
    {
        public YamlSequence(SourceSpan span, List<YamlNode> items) : base(span) => Items = items;

        public List<YamlNode> Items { get; }

        public override string Describe() => "a list";
    }
}
