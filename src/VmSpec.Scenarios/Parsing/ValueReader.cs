using YamlDotNet.Core;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>
    /// Reads one scalar value of a known type, reporting what was wrong with it. Every method
    /// returns null when the node is absent (the caller decides whether that is allowed) or invalid
    /// (the problem is already reported).
    /// </summary>
    internal sealed class ValueReader
    {
        private readonly ParseContext context;

        public ValueReader(ParseContext context) => this.context = context;

        /// <summary>Set once the top level has been read; address checks need it.</summary>
        public ScenarioShape? Shape { get; set; }

        public YamlNode? Require(MappingView view, string key)
        {
            var node = view[key];
            if (node is null)
            {
                context.Report(DiagnosticCatalog.MissingKey, view.Node.Span, key, view.What);
            }
            return node;
        }

        /// <summary>The node as a non-null scalar, or a VMS0002 saying what was expected.</summary>
        public YamlScalar? Scalar(YamlNode? node, string key, string expected)
        {
            if (node is null) return null;
            if (node is YamlScalar scalar && !scalar.IsNull) return scalar;
            context.Report(DiagnosticCatalog.WrongNodeKind, node.Span, "'" + key + "'", expected, node.Describe());
            return null;
        }

        public string? Text(YamlNode? node, string key)
        {
            var scalar = Scalar(node, key, "a text");
            if (scalar is null) return null;
            if (scalar.Value.Trim().Length == 0)
            {
                context.Report(DiagnosticCatalog.Empty, scalar.Span, "'" + key + "'");
                return null;
            }
            return scalar.Value;
        }

        public ulong? Number(YamlNode? node, string key)
        {
            var scalar = Scalar(node, key, "a number");
            if (scalar is null) return null;
            return Report(NumberSyntax.TryParse(scalar.Value, out var value), scalar, key, DiagnosticCatalog.InvalidNumber, 64) ? value : (ulong?)null;
        }

        public ulong? Size(YamlNode? node, string key)
        {
            var scalar = Scalar(node, key, "a size");
            if (scalar is null) return null;
            return Report(NumberSyntax.TryParseSize(scalar.Value, out var value), scalar, key, DiagnosticCatalog.InvalidSize, 64) ? value : (ulong?)null;
        }

        public long? SignedSize(YamlNode? node, string key)
        {
            var scalar = Scalar(node, key, "a size");
            if (scalar is null) return null;
            return Report(NumberSyntax.TryParseSignedSize(scalar.Value, out var value), scalar, key, DiagnosticCatalog.InvalidSize, 64) ? value : (long?)null;
        }

        /// <summary>A process id: a number that fits in 32 bits.</summary>
        public uint? Pid(YamlNode? node, string key)
        {
            var scalar = Scalar(node, key, "a number");
            if (scalar is null) return null;
            var status = NumberSyntax.TryParse(scalar.Value, out var value);
            // A pid is a C int, as Linux's pid_t is, and the kernel model's pids are ints.
            if (status == NumberStatus.Ok && value > int.MaxValue) status = NumberStatus.Overflow;
            return Report(status, scalar, key, DiagnosticCatalog.InvalidNumber, 31) ? (uint)value : (uint?)null;
        }

        /// <summary>A number within [min, max] (inclusive), e.g. a PTE level.</summary>
        public ulong? Ranged(YamlNode? node, string key, ulong min, ulong max, string expected)
        {
            var value = Number(node, key);
            if (value is ulong v && (v < min || v > max))
            {
                context.Report(DiagnosticCatalog.OutOfRange, node!.Span, v, key, expected);
                return null;
            }
            return value;
        }

        public bool? Bool(YamlNode? node, string key)
        {
            var scalar = Scalar(node, key, "true or false");
            if (scalar is null) return null;
            // Quoted "true" is a string to every other YAML tool (and to the JSON schema), so it is not a boolean here either.
            string text = scalar.Style == ScalarStyle.Plain ? scalar.Value : "\"" + scalar.Value + "\"";
            switch (text)
            {
                case "true": return true;
                case "false": return false;
                default:
                    context.Report(DiagnosticCatalog.InvalidBoolean, scalar.Span, text, key);
                    return null;
            }
        }

        public T? Choice<T>(YamlNode? node, string key, Words<T> words) where T : struct =>
            Choice(node, key, words, DiagnosticCatalog.InvalidChoice);

        public FaultKind? Fault(YamlNode? node) => Choice(node, "fault", Vocabulary.Faults, DiagnosticCatalog.UnknownFault);

        public FaultReason? Reason(YamlNode? node) => Choice(node, "reason", Vocabulary.Reasons, DiagnosticCatalog.UnknownReason);

        private T? Choice<T>(YamlNode? node, string key, Words<T> words, ScenarioDiagnosticDescriptor descriptor) where T : struct
        {
            var scalar = Scalar(node, key, "one of: " + words.Expected);
            if (scalar is null) return null;
            if (words.TryGet(scalar.Value, out var value)) return value;
            if (descriptor == DiagnosticCatalog.InvalidChoice)
            {
                context.Report(descriptor, scalar.Span, scalar.Value, key, words.Expected);
            }
            else
            {
                context.Report(descriptor, scalar.Span, scalar.Value, words.Expected);
            }
            return null;
        }

        /// <summary>Letters from r, w, x, each at most once, in any order; empty only where allowed (mmap's PROT_NONE).</summary>
        public Perm? Perm(YamlNode? node, string key, bool allowEmpty)
        {
            if (node is null) return null;
            string expected = allowEmpty ? "letters from r, w, x, each at most once (\"\" for none)" : "one or more letters from r, w, x, each at most once";
            if (node is YamlScalar { Style: not ScalarStyle.Plain, Value.Length: 0 } && allowEmpty)
            {
                return Scenarios.Perm.None;
            }
            var scalar = Scalar(node, key, expected);
            if (scalar is null) return null;
            var perm = Scenarios.Perm.None;
            foreach (char c in scalar.Value)
            {
                var letter = c switch
                {
                    'r' => Scenarios.Perm.Read,
                    'w' => Scenarios.Perm.Write,
                    'x' => Scenarios.Perm.Execute,
                    _ => Scenarios.Perm.None,
                };
                if (letter == Scenarios.Perm.None || (perm & letter) != 0)
                {
                    context.Report(DiagnosticCatalog.InvalidPerm, scalar.Span, scalar.Value, key, expected);
                    return null;
                }
                perm |= letter;
            }
            if (perm == Scenarios.Perm.None && !allowEmpty)
            {
                context.Report(DiagnosticCatalog.InvalidPerm, scalar.Span, scalar.Value, key, expected);
                return null;
            }
            return perm;
        }

        public AddressExpr? Address(YamlNode? node, string key, AddressForms forms)
        {
            var scalar = Scalar(node, key, ExpectedAddress(forms));
            if (scalar is null) return null;
            string text = scalar.Value;
            int colon = text.IndexOf(':');
            if (colon >= 0)
            {
                return (forms & AddressForms.Segmented) != 0 ? Segmented(scalar, key, colon) : Invalid(scalar, key, forms);
            }
            if (text.Length > 0 && text[0] >= '0' && text[0] <= '9')
            {
                if ((forms & AddressForms.Number) == 0) return Invalid(scalar, key, forms);
                return Report(NumberSyntax.TryParse(text, out var value), scalar, key, DiagnosticCatalog.InvalidNumber, 64)
                    ? new LiteralAddress(value)
                    : null;
            }
            return (forms & AddressForms.Name) != 0 ? Named(scalar, key, forms) : Invalid(scalar, key, forms);
        }

        private AddressExpr? Segmented(YamlScalar scalar, string key, int colon)
        {
            string text = scalar.Value;
            var selectorStatus = NumberSyntax.TryParse(text, 0, colon, out var selector);
            var offsetStatus = NumberSyntax.TryParse(text, colon + 1, text.Length, out var offset);
            if (selectorStatus == NumberStatus.Malformed || offsetStatus == NumberStatus.Malformed)
            {
                return Invalid(scalar, key, AddressForms.Segmented);
            }
            if (selectorStatus == NumberStatus.Overflow || offsetStatus == NumberStatus.Overflow)
            {
                context.Report(DiagnosticCatalog.NumberOverflow, scalar.Span, text, key, 64);
                return null;
            }
            var shape = Shape;
            if (shape is null) return new SegmentedAddress(selector, offset);
            if (!shape.AllowsSegmentation)
            {
                context.Report(DiagnosticCatalog.WrongMmuKind, scalar.Span, "A segmented address", "segmentation", shape.KindList);
                return null;
            }
            if (shape.RefusesSegmentedAddress)
            {
                context.Report(DiagnosticCatalog.InvalidAddress, scalar.Span, text, key, "a plain address: in segmentation mode top-bits its top selector-bits pick the segment");
                return null;
            }
            int offsetBits = shape.Segmentation.OffsetBits;
            if (offsetBits < 64 && offset >> offsetBits != 0)
            {
                context.Report(DiagnosticCatalog.OutOfRange, scalar.Span, "Offset 0x" + offset.ToString("x"), key, $"less than 2^{offsetBits} (offset-bits)");
                return null;
            }
            return new SegmentedAddress(selector, offset);
        }

        private AddressExpr? Named(YamlScalar scalar, string key, AddressForms forms)
        {
            string text = scalar.Value;
            int plus = text.IndexOf('+');
            string name = plus < 0 ? text : text.Substring(0, plus);
            ulong offset = 0;
            if (!NameSyntax.IsAddressName(name)) return Invalid(scalar, key, forms);
            if (plus >= 0)
            {
                var status = NumberSyntax.TryParse(text, plus + 1, text.Length, out offset);
                if (status == NumberStatus.Malformed) return Invalid(scalar, key, forms);
                if (status == NumberStatus.Overflow)
                {
                    context.Report(DiagnosticCatalog.NumberOverflow, scalar.Span, text, key, 64);
                    return null;
                }
            }
            if (!context.IsBound(name))
            {
                context.Report(DiagnosticCatalog.UndefinedName, scalar.Span, name, context.BoundNames());
                return null;
            }
            return new NamedAddress(name, offset);
        }

        private AddressExpr? Invalid(YamlScalar scalar, string key, AddressForms forms)
        {
            context.Report(DiagnosticCatalog.InvalidAddress, scalar.Span, scalar.Value, key, ExpectedAddress(forms));
            return null;
        }

        private static string ExpectedAddress(AddressForms forms) => forms switch
        {
            AddressForms.Number => "a number",
            AddressForms.Segmented => "\"SEL:OFFSET\"",
            AddressForms.Virtual => "a number, NAME or NAME+OFFSET",
            AddressForms.Number | AddressForms.Segmented => "a number or \"SEL:OFFSET\"",
            _ => "a number, \"SEL:OFFSET\", NAME or NAME+OFFSET",
        };

        /// <summary>Reports a failed number parse; true when the value is good.</summary>
        private bool Report(NumberStatus status, YamlScalar scalar, string key, ScenarioDiagnosticDescriptor malformed, int bits)
        {
            switch (status)
            {
                case NumberStatus.Ok:
                    return true;
                case NumberStatus.Overflow:
                    context.Report(DiagnosticCatalog.NumberOverflow, scalar.Span, scalar.Value, key, bits);
                    return false;
                default:
                    context.Report(malformed, scalar.Span, scalar.Value, key);
                    return false;
            }
        }
    }
}
