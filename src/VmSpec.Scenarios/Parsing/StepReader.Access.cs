using System;
using System.Collections.Generic;

namespace VmSpec.Scenarios.Parsing
{
    // Accesses, data moves and observations.
    internal sealed partial class StepReader
    {
        // A label names its snapshot file, so two snapshots with one label would be compared with one
        // file, and the scenario could never pass. Each label maps to the line that took it.
        private readonly Dictionary<string, int> snapshotLabels = new Dictionary<string, int>(StringComparer.Ordinal);

        private Step? Access(SourceSpan span, YamlNode value, YamlNode? expect)
        {
            if (Arguments(value, "access", "va", "address", "op", "mode", "sum", "mxr") is not MappingView args) return null;
            AddressExpr? address = null;
            if (args.Has("va") == args.Has("address"))
            {
                context.Report(DiagnosticCatalog.ExactlyOneOf, args.Node.Span, "'access'", "va", "address", args.Has("va") ? "both" : "neither");
            }
            else
            {
                address = args.Has("va")
                    ? Translated(args["va"], "va", AddressForms.Virtual, "\"SEL:OFFSET\", given as 'address'")
                    : Translated(args["address"], "address", AddressForms.Number | AddressForms.Segmented, "\"SEL:OFFSET\"");
            }
            var op = values.Choice(values.Require(args, "op"), "op", Vocabulary.Ops);
            var mode = args.Has("mode") ? values.Choice(args["mode"], "mode", Vocabulary.Modes) : PrivilegeMode.User;
            var sum = values.Bool(args["sum"], "sum");
            var mxr = values.Bool(args["mxr"], "mxr");
            var expectation = expects.Access(expect, "access");
            if (address is null || op is null || mode is null) return null;
            return new AccessStep(span, address, op.Value, mode.Value, sum, mxr, expectation);
        }

        /// <summary><c>read: ADDR</c> and friends: an access in user mode with the scenario's sum/mxr.</summary>
        private Step? Shorthand(SourceSpan span, YamlNode value, AccessOp op, string action, YamlNode? expect)
        {
            var address = Translated(value, action, AddressForms.Any, "\"SEL:OFFSET\"");
            var expectation = expects.Access(expect, action);
            return address is null ? null : new AccessStep(span, address, op, PrivilegeMode.User, null, null, expectation);
        }

        private Step? Load(SourceSpan span, YamlNode value, YamlNode? expect)
        {
            if (Arguments(value, "load", "va", "size", "pid") is not MappingView args) return null;
            var va = DataAddress(args);
            var size = AccessSize(args["size"]);
            var pid = values.Pid(args["pid"], "pid");
            CheckKernelData(args, pid, "load");
            var expectation = expects.Data(expect, "load", pid, size ?? 8);
            return va is null || size is null || (args.Has("pid") && pid is null) ? null : new LoadStep(span, va, size.Value, pid, expectation);
        }

        private Step? Store(SourceSpan span, YamlNode value, YamlNode? expect)
        {
            if (Arguments(value, "store", "va", "size", "value", "pid") is not MappingView args) return null;
            var va = DataAddress(args);
            var size = AccessSize(args["size"]);
            var data = values.Number(values.Require(args, "value"), "value");
            var pid = values.Pid(args["pid"], "pid");
            CheckKernelData(args, pid, "store");
            if (data is ulong d && size is int n && n < 8 && d >> (n * 8) != 0)
            {
                context.Report(DiagnosticCatalog.ValueTooWide, args["value"]!.Span, d, n);
                data = null;
            }
            var expectation = expects.Data(expect, "store", pid, size ?? 8);
            return va is null || size is null || data is null || (args.Has("pid") && pid is null)
                ? null
                : new StoreStep(span, va, size.Value, data.Value, pid, expectation);
        }

        /// <summary>
        /// The address an access translates. On segmentation alone in explicit mode it must be
        /// "SEL:OFFSET": the machine takes the selector from it, and no other kind reads a plain address.
        /// </summary>
        private AddressExpr? Translated(YamlNode? node, string key, AddressForms forms, string segmentedForm)
        {
            var address = values.Address(node, key, forms);
            if (address is null || address is SegmentedAddress || !shape.RequiresSegmentedAddress) return address;
            context.Report(DiagnosticCatalog.InvalidAddress, node!.Span, ((YamlScalar)node).Value, key, segmentedForm + ": in segmentation mode explicit a plain address names no segment");
            return null;
        }

        /// <summary>With a pid the kernel translates the address through its page tables, where a plain address is right.</summary>
        private AddressExpr? DataAddress(MappingView args)
        {
            var node = values.Require(args, "va");
            return args.Has("pid") ? values.Address(node, "va", AddressForms.Any) : Translated(node, "va", AddressForms.Any, "\"SEL:OFFSET\"");
        }

        /// <summary>A load or store with a pid goes through the kernel, which exists only on paging kinds.</summary>
        private void CheckKernelData(MappingView args, uint? pid, string action)
        {
            if (pid is not null && !shape.AllowsPaging)
            {
                context.Report(DiagnosticCatalog.WrongMmuKind, args.KeyOf("pid")!.Span, "A " + action + " with a pid (the kernel)", "sv39, single-level", shape.KindList);
            }
        }

        /// <summary>Load/store width: 1, 2, 4 or 8 bytes, default 8.</summary>
        private int? AccessSize(YamlNode? node)
        {
            if (node is null) return 8;
            var size = values.Number(node, "size");
            if (size is null) return null;
            if (size is 1 or 2 or 4 or 8) return (int)size.Value;
            context.Report(DiagnosticCatalog.InvalidAccessSize, node.Span, size.Value);
            return null;
        }

        private Step? Snapshot(SourceSpan span, YamlNode value)
        {
            var label = values.Scalar(value, "snapshot", "a label");
            if (label is null) return null;
            if (!NameSyntax.IsSnapshotLabel(label.Value))
            {
                context.Report(DiagnosticCatalog.InvalidSnapshotLabel, label.Span, label.Value);
                return null;
            }
            if (snapshotLabels.TryGetValue(label.Value, out int firstLine))
            {
                context.Report(DiagnosticCatalog.RepeatedSnapshotLabel, label.Span, label.Value, firstLine);
                return null;
            }
            snapshotLabels.Add(label.Value, label.Span.Line);
            return new SnapshotStep(span, label.Value);
        }

        private Step? Tick(SourceSpan span, YamlNode value)
        {
            var ticks = values.Number(value, "tick");
            return ticks is null ? null : new TickStep(span, ticks.Value);
        }
    }
}
