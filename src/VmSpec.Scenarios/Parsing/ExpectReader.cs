using System.Collections.Generic;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>
    /// Reads a step's <c>expect</c>. Keys the format knows but that do not fit the action are
    /// VMS0019 (more helpful than "unknown key"); contradictions are VMS0021/VMS0022/VMS0039.
    /// </summary>
    internal sealed class ExpectReader
    {
        private static readonly string[] AllKeys =
        {
            "pa", "fault", "reason", "tlb", "value", "va", "signal", "error",
            "tlb-hits", "tlb-misses", "walks", "pte-reads", "free", "used",
        };

        private static readonly string[] AccessKeys = { "pa", "fault", "reason", "tlb" };
        private static readonly string[] LoadKeys = { "value", "fault", "reason", "tlb", "signal", "error" };
        private static readonly string[] StoreKeys = { "fault", "reason", "tlb", "signal", "error" };
        private static readonly string[] KernelKeys = { "error" };
        private static readonly string[] SbrkKeys = { "error", "value" };
        private static readonly string[] MmapKeys = { "error", "va" };
        private static readonly string[] StatsKeys = { "tlb-hits", "tlb-misses", "walks", "pte-reads" };
        private static readonly string[] FramesKeys = { "free", "used" };

        private readonly ParseContext context;
        private readonly ValueReader values;

        public ExpectReader(ParseContext context, ValueReader values)
        {
            this.context = context;
            this.values = values;
        }

        /// <summary>The expect keys an action allows; empty when it takes no expect at all.</summary>
        public static IReadOnlyList<string> KeysFor(string action) => action switch
        {
            "access" or "read" or "write" or "execute" => AccessKeys,
            "load" => LoadKeys,
            "store" => StoreKeys,
            "spawn" or "fork" or "vfork" or "exit" or "switch" or "munmap" => KernelKeys,
            "sbrk" => SbrkKeys,
            "mmap" => MmapKeys,
            "stats" => StatsKeys,
            "frames" => FramesKeys,
            _ => System.Array.Empty<string>(),
        };

        /// <summary>Checks the shape of <c>expect</c> and the keys allowed for <paramref name="action"/>; null if unusable.</summary>
        private MappingView? Open(YamlNode node, string action)
        {
            if (node is not YamlMapping mapping)
            {
                context.Report(DiagnosticCatalog.WrongNodeKind, node.Span, "'expect'", "a mapping", node.Describe());
                return null;
            }
            // Read as "must succeed" it would say what no expect says, so it is more likely a half-written one.
            if (mapping.Entries.Count == 0)
            {
                context.Report(DiagnosticCatalog.Empty, node.Span, "'expect' (a step without one must succeed)");
                return null;
            }
            var allowed = KeysFor(action);
            var view = new MappingView(context, mapping, "the expect of '" + action + "'", AllKeys, allowed);
            foreach (var entry in mapping.Entries)
            {
                string key = entry.Key.Value;
                if (view.KeyOf(key) == entry.Key && !MappingView.Contains(allowed, key))
                {
                    context.Report(DiagnosticCatalog.ExpectKeyNotAllowed, entry.Key.Span, key, action, string.Join(", ", allowed));
                }
            }
            return view;
        }

        public AccessExpect? Access(YamlNode? node, string action)
        {
            if (node is null || Open(node, action) is not MappingView view) return null;
            var fault = values.Fault(view["fault"]);
            var reason = values.Reason(view["reason"]);
            CheckReason(view);
            Conflict(view, "pa", "fault");
            return new AccessExpect(node.Span, values.Number(view["pa"], "pa"), fault, reason, values.Choice(view["tlb"], "tlb", Vocabulary.TlbOutcomes));
        }

        public DataExpect? Data(YamlNode? node, string action, uint? pid, int size)
        {
            if (node is null || Open(node, action) is not MappingView view) return null;
            // Without a pid the bare MMU faults; with one the kernel handles faults and answers with a signal or an error,
            // and an access may take several lookups (a fault served, then the retry), so no single one is "the" TLB outcome.
            var misplaced = pid is null ? new[] { "signal", "error" } : new[] { "fault", "reason", "tlb" };
            foreach (var key in misplaced)
            {
                if (view.KeyOf(key) is YamlScalar keyNode)
                {
                    context.Report(DiagnosticCatalog.PidExpectMismatch, keyNode.Span, key, pid is null ? "with a pid" : "without a pid");
                }
            }
            CheckReason(view);
            if (action == "load")
            {
                Conflict(view, "value", "fault");
                Conflict(view, "value", "signal");
                Conflict(view, "value", "error");
            }
            Conflict(view, "signal", "error");
            var value = action == "load" ? values.Number(view["value"], "value") : null;
            if (value is ulong v && size < 8 && v >> (size * 8) != 0)
            {
                context.Report(DiagnosticCatalog.ValueTooWide, view["value"]!.Span, v, size);
            }
            return new DataExpect(
                node.Span,
                value,
                values.Fault(view["fault"]),
                values.Reason(view["reason"]),
                values.Choice(view["tlb"], "tlb", Vocabulary.TlbOutcomes),
                values.Choice(view["signal"], "signal", Vocabulary.Signals),
                values.Choice(view["error"], "error", Vocabulary.Errors));
        }

        public KernelExpect? Kernel(YamlNode? node, string action)
        {
            if (node is null || Open(node, action) is not MappingView view) return null;
            Conflict(view, "error", "value");
            Conflict(view, "error", "va");
            return new KernelExpect(
                node.Span,
                values.Choice(view["error"], "error", Vocabulary.Errors),
                action == "sbrk" ? values.Address(view["value"], "value", AddressForms.Virtual) : null,
                action == "mmap" ? values.Address(view["va"], "va", AddressForms.Virtual) : null);
        }

        public StatsExpect? Stats(YamlNode? node)
        {
            if (node is null || Open(node, "stats") is not MappingView view) return null;
            return new StatsExpect(
                node.Span,
                values.Number(view["tlb-hits"], "tlb-hits"),
                values.Number(view["tlb-misses"], "tlb-misses"),
                values.Number(view["walks"], "walks"),
                values.Number(view["pte-reads"], "pte-reads"));
        }

        public FramesExpect? Frames(YamlNode? node)
        {
            if (node is null || Open(node, "frames") is not MappingView view) return null;
            return new FramesExpect(node.Span, values.Number(view["free"], "free"), values.Number(view["used"], "used"));
        }

        private void CheckReason(MappingView view)
        {
            if (view.KeyOf("reason") is YamlScalar reason && !view.Has("fault"))
            {
                context.Report(DiagnosticCatalog.ReasonWithoutFault, reason.Span);
            }
        }

        /// <summary>Reports two keys that contradict each other, at whichever of them comes second.</summary>
        private void Conflict(MappingView view, string first, string second)
        {
            var a = view.KeyOf(first);
            var b = view.KeyOf(second);
            if (a is null || b is null) return;
            var later = a.Span.Offset > b.Span.Offset ? a : b;
            context.Report(DiagnosticCatalog.ConflictingExpect, later.Span, first, second);
        }
    }
}
