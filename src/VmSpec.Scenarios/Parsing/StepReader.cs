using System.Collections.Generic;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>
    /// Reads one step: finds its single action key, checks that the action suits the scenario's MMU
    /// kinds, and hands the action's value and <c>expect</c> to the reader for that action.
    /// </summary>
    internal sealed partial class StepReader
    {
        /// <summary>Every action key, in the order of the format.</summary>
        public static readonly string[] Actions =
        {
            "map", "unmap", "protect", "pte", "space", "sfence", "segment",
            "access", "read", "write", "execute", "load", "store",
            "snapshot", "stats", "frames", "tick",
            "spawn", "fork", "vfork", "exit", "switch", "sbrk", "mmap", "munmap",
        };

        private static readonly string[] StepKeys = Append(Actions, "expect");

        private readonly ParseContext context;
        private readonly ValueReader values;
        private readonly ExpectReader expects;
        private readonly ScenarioShape shape;

        public StepReader(ParseContext context, ValueReader values, ScenarioShape shape)
        {
            this.context = context;
            this.values = values;
            this.shape = shape;
            expects = new ExpectReader(context, values);
        }

        public Step? Read(YamlNode node)
        {
            if (node is not YamlMapping mapping)
            {
                context.Report(DiagnosticCatalog.WrongNodeKind, node.Span, "A step", "a mapping with one action key", node.Describe());
                return null;
            }
            var view = new MappingView(context, mapping, "a step", StepKeys);
            YamlScalar? actionKey = null;
            foreach (var entry in mapping.Entries)
            {
                if (entry.Key.Value == "expect" || view.KeyOf(entry.Key.Value) != entry.Key) continue;
                if (actionKey is null)
                {
                    actionKey = entry.Key;
                }
                else
                {
                    context.Report(DiagnosticCatalog.MultipleActions, entry.Key.Span, actionKey.Value, entry.Key.Value);
                }
            }
            if (actionKey is null)
            {
                // A '-' before 'expect' starts a step of its own, parting the expectation from its action.
                string hint = mapping.Entries.Count == 1 && mapping.Entries[0].Key.Value == "expect"
                    ? " (an 'expect' belongs to the step above it: remove its '-' and line it up with that step's action)"
                    : "";
                context.Report(DiagnosticCatalog.NoAction, mapping.Span, string.Join(", ", Actions), hint);
                return null;
            }

            string action = actionKey.Value;
            var span = actionKey.Span.Through(mapping.Span);
            var value = view[action]!;
            var expect = view["expect"];
            if (expect is not null && ExpectReader.KeysFor(action).Count == 0)
            {
                context.Report(DiagnosticCatalog.ExpectNotAllowed, view.KeyOf("expect")!.Span, action);
                expect = null;
            }
            CheckKind(action, actionKey);
            return action switch
            {
                "map" => Map(span, value),
                "unmap" => Unmap(span, value),
                "protect" => Protect(span, value),
                "pte" => Pte(span, value),
                "space" => Space(span, value),
                "sfence" => Sfence(span, value),
                "segment" => Segment(span, value),
                "access" => Access(span, value, expect),
                "read" => Shorthand(span, value, AccessOp.Read, action, expect),
                "write" => Shorthand(span, value, AccessOp.Write, action, expect),
                "execute" => Shorthand(span, value, AccessOp.Execute, action, expect),
                "load" => Load(span, value, expect),
                "store" => Store(span, value, expect),
                "snapshot" => Snapshot(span, value),
                "stats" => Empty(value, action) ? new StatsStep(span, expects.Stats(expect)) : null,
                "frames" => Empty(value, action) ? new FramesStep(span, expects.Frames(expect)) : null,
                "tick" => Tick(span, value),
                "spawn" => Spawn(span, value, expect),
                "fork" => Fork(span, value, expect, vfork: false),
                "vfork" => Fork(span, value, expect, vfork: true),
                "exit" => Exit(span, value, expect),
                "switch" => Switch(span, value, expect),
                "sbrk" => Sbrk(span, value, expect),
                "mmap" => Mmap(span, value, expect),
                "munmap" => Munmap(span, value, expect),
                _ => null,
            };
        }

        /// <summary>
        /// Paging and kernel steps make no sense on a segmentation-only scenario, and segment steps none
        /// on a paging-only one. A plug-in kind could be either, so then nothing is reported.
        /// </summary>
        private void CheckKind(string action, YamlScalar actionKey)
        {
            bool segmentOnly = action == "segment";
            bool pagingOnly = action switch
            {
                "map" or "unmap" or "protect" or "pte" or "space" or "sfence" or "frames" or "tick" => true,
                "spawn" or "fork" or "vfork" or "exit" or "switch" or "sbrk" or "mmap" or "munmap" => true,
                _ => false,
            };
            if (pagingOnly && !shape.AllowsPaging)
            {
                context.Report(DiagnosticCatalog.WrongMmuKind, actionKey.Span, "'" + action + "'", "sv39, single-level", shape.KindList);
            }
            else if (segmentOnly && !shape.AllowsSegmentation)
            {
                context.Report(DiagnosticCatalog.WrongMmuKind, actionKey.Span, "'segment'", "segmentation", shape.KindList);
            }
        }

        /// <summary>The value of an action that takes a mapping of arguments; null (reported) otherwise.</summary>
        private MappingView? Arguments(YamlNode value, string action, params string[] keys)
        {
            if (value is YamlMapping mapping)
            {
                return new MappingView(context, mapping, "'" + action + "'", keys);
            }
            if (value is YamlScalar scalar && scalar.IsNull && keys.Length > 0 && AllOptional(action))
            {
                return new MappingView(context, new YamlMapping(value.Span, new List<KeyValuePair<YamlScalar, YamlNode>>()), "'" + action + "'", keys);
            }
            context.Report(DiagnosticCatalog.WrongNodeKind, value.Span, "'" + action + "'", "a mapping of " + string.Join(", ", keys), value.Describe());
            return null;
        }

        // Only sfence may be written bare ("sfence:" or "sfence: {}"), since all its arguments are optional.
        private static bool AllOptional(string action) => action == "sfence";

        /// <summary><c>stats</c> and <c>frames</c> take no arguments: <c>{}</c> or nothing.</summary>
        private bool Empty(YamlNode value, string action)
        {
            if (value is YamlScalar { IsNull: true }) return true;
            if (value is YamlMapping mapping)
            {
                foreach (var entry in mapping.Entries)
                {
                    context.Report(DiagnosticCatalog.UnknownKey, entry.Key.Span, entry.Key.Value, "'" + action + "'", "(none; write " + action + ": {})");
                }
                return mapping.Entries.Count == 0;
            }
            context.Report(DiagnosticCatalog.WrongNodeKind, value.Span, "'" + action + "'", "{}", value.Describe());
            return false;
        }

        private static string[] Append(string[] items, string item)
        {
            var result = new string[items.Length + 1];
            items.CopyTo(result, 0);
            result[items.Length] = item;
            return result;
        }
    }
}
