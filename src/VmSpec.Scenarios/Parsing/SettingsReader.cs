using System;
using System.Collections.Generic;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>Reads the optional top-level sections, applying the format's defaults.</summary>
    internal sealed class SettingsReader
    {
        private const ulong FourKiB = 4096;
        private const int PhysicalAddressBits = 56;

        // The largest RAM the machine builds (PhysicalMemory.MaxSize in VmSpec.Core, which this project
        // cannot reference), so a larger one would pass here and then fail every run; RunCommandTests
        // checks that the two agree.
        private const ulong MaxMemorySize = 1UL << 40;

        private readonly ParseContext context;
        private readonly ValueReader values;

        public SettingsReader(ParseContext context, ValueReader values)
        {
            this.context = context;
            this.values = values;
        }

        /// <summary><c>memory: 16MiB</c> or <c>memory: { base, size }</c>.</summary>
        public MemorySettings Memory(YamlNode? node)
        {
            if (node is null) return MemorySettings.Default;
            ulong? @base = MemorySettings.DefaultBase, size = null;
            YamlNode? baseNode = null, sizeNode = null;
            if (node is YamlMapping mapping)
            {
                var view = new MappingView(context, mapping, "'memory'", new[] { "base", "size" });
                baseNode = view["base"];
                sizeNode = view["size"];
                if (baseNode is not null) @base = values.Number(baseNode, "base");
                size = sizeNode is null ? MemorySettings.DefaultSize : values.Size(sizeNode, "size");
            }
            else if (node is YamlScalar { IsNull: false })
            {
                sizeNode = node;
                size = values.Size(node, "memory");
            }
            else
            {
                context.Report(DiagnosticCatalog.WrongNodeKind, node.Span, "'memory'", "a size or a mapping of base, size", node.Describe());
                return MemorySettings.Default;
            }
            if (@base is null || size is null) return MemorySettings.Default;

            bool ok = true;
            if (@base.Value % FourKiB != 0)
            {
                context.Report(DiagnosticCatalog.MemoryMisaligned, baseNode!.Span, "base", @base.Value);
                ok = false;
            }
            string sizeKey = node is YamlMapping ? "size" : "memory";
            if (size.Value == 0)
            {
                context.Report(DiagnosticCatalog.OutOfRange, sizeNode!.Span, 0, sizeKey, "more than 0");
                ok = false;
            }
            else if (size.Value > MaxMemorySize)
            {
                context.Report(DiagnosticCatalog.OutOfRange, sizeNode!.Span, "0x" + size.Value.ToString("x"), sizeKey, "at most 1 TiB (0x10000000000), the largest RAM the machine builds");
                ok = false;
            }
            else if (size.Value % FourKiB != 0)
            {
                context.Report(DiagnosticCatalog.MemoryMisaligned, sizeNode!.Span, "size", size.Value);
                ok = false;
            }
            const ulong limit = 1UL << PhysicalAddressBits;
            if (ok && (@base.Value >= limit || size.Value > limit - @base.Value))
            {
                context.Report(DiagnosticCatalog.MemoryRange, node.Span, @base.Value, size.Value);
                ok = false;
            }
            return ok ? new MemorySettings(@base.Value, size.Value, true) : MemorySettings.Default;
        }

        public PagingSettings Paging(YamlNode? node, out YamlNode? vaBitsNode)
        {
            vaBitsNode = null;
            if (node is null || Section(node, "paging", new[] { "page-size", "va-bits" }) is not MappingView view) return PagingSettings.Default;
            var result = PagingSettings.Default;
            ulong pageSize = result.PageSize;
            if (view["page-size"] is YamlNode pageSizeNode && values.Size(pageSizeNode, "page-size") is ulong p)
            {
                if (NumberSyntax.IsPowerOfTwo(p) && p >= 8 && p <= 65536)
                {
                    pageSize = p;
                }
                else
                {
                    context.Report(DiagnosticCatalog.InvalidPageSize, pageSizeNode.Span, p);
                }
            }
            int offsetBits = NumberSyntax.Log2(pageSize);
            int vaBits = result.VaBits;
            vaBitsNode = view["va-bits"];
            if (vaBitsNode is not null && values.Number(vaBitsNode, "va-bits") is ulong v)
            {
                if (v > (ulong)offsetBits && v <= 64)
                {
                    vaBits = (int)v;
                }
                else
                {
                    context.Report(DiagnosticCatalog.InvalidVaBits, vaBitsNode.Span, v, offsetBits);
                }
            }
            return new PagingSettings(pageSize, vaBits, true);
        }

        /// <summary>
        /// A single-level table has 2^(va-bits - page offset bits) PTEs of 8 bytes and lives in RAM,
        /// so it must fit there; otherwise no implementation could build it.
        /// </summary>
        public void CheckSingleLevelTable(PagingSettings paging, MemorySettings memory, SourceSpan where)
        {
            int tableBits = paging.VaBits - NumberSyntax.Log2(paging.PageSize) + 3;
            if (tableBits >= 64 || (1UL << tableBits) > memory.Size)
            {
                string bytes = tableBits >= 64 ? "2^" + tableBits : (1UL << tableBits).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Report(DiagnosticCatalog.TableTooLarge, where, paging.VaBits, paging.PageSize, bytes, memory.Size);
            }
        }

        public SegmentationSettings Segmentation(YamlNode? node)
        {
            if (node is null || Section(node, "segmentation", new[] { "mode", "address-bits", "selector-bits", "offset-bits" }) is not MappingView view)
            {
                return SegmentationSettings.Default;
            }
            var mode = view.Has("mode") ? values.Choice(view["mode"], "mode", Vocabulary.SegmentationModes) : SegmentationMode.Explicit;
            if (mode is null) return SegmentationSettings.Default;
            string modeWord = mode == SegmentationMode.Explicit ? "explicit" : "top-bits";
            var notInMode = mode == SegmentationMode.Explicit ? new[] { "address-bits", "selector-bits" } : new[] { "offset-bits" };
            foreach (var key in notInMode)
            {
                if (view.KeyOf(key) is YamlScalar keyNode) context.Report(DiagnosticCatalog.KeyNotInMode, keyNode.Span, key, modeWord);
            }

            if (mode == SegmentationMode.Explicit)
            {
                var offsetBits = view["offset-bits"] is YamlNode offsetNode ? values.Number(offsetNode, "offset-bits") : 32;
                if (offsetBits is ulong o && (o == 0 || o > 64))
                {
                    context.Report(DiagnosticCatalog.InvalidSegmentationBits, view["offset-bits"]!.Span, "offset-bits is " + o);
                    offsetBits = null;
                }
                return offsetBits is null ? SegmentationSettings.Default : new SegmentationSettings(SegmentationMode.Explicit, 0, 0, (int)offsetBits.Value, true);
            }

            var addressNode = values.Require(view, "address-bits");
            var selectorNode = values.Require(view, "selector-bits");
            var addressBits = values.Number(addressNode, "address-bits");
            var selectorBits = values.Number(selectorNode, "selector-bits");
            if (addressBits is null || selectorBits is null) return SegmentationSettings.Default;
            if (addressBits.Value > 64)
            {
                context.Report(DiagnosticCatalog.InvalidSegmentationBits, addressNode!.Span, "address-bits is " + addressBits.Value);
                return SegmentationSettings.Default;
            }
            if (selectorBits.Value == 0 || selectorBits.Value >= addressBits.Value)
            {
                context.Report(DiagnosticCatalog.InvalidSegmentationBits, selectorNode!.Span, $"selector-bits is {selectorBits.Value} with address-bits {addressBits.Value}");
                return SegmentationSettings.Default;
            }
            int a = (int)addressBits.Value, s = (int)selectorBits.Value;
            return new SegmentationSettings(SegmentationMode.TopBits, a, s, a - s, true);
        }

        public Sv39Settings Sv39(YamlNode? node)
        {
            if (node is null || Section(node, "sv39", new[] { "ad", "sum", "mxr" }) is not MappingView view) return Sv39Settings.Default;
            var ad = view.Has("ad") ? values.Choice(view["ad"], "ad", Vocabulary.AdPolicies) : AccessDirtyPolicy.Hardware;
            var sum = view.Has("sum") ? values.Bool(view["sum"], "sum") : false;
            var mxr = view.Has("mxr") ? values.Bool(view["mxr"], "mxr") : false;
            return ad is null || sum is null || mxr is null ? Sv39Settings.Default : new Sv39Settings(ad.Value, sum.Value, mxr.Value, true);
        }

        public TlbSettings Tlb(YamlNode? node)
        {
            if (node is null || Section(node, "tlb", new[] { "entries", "ways", "asid" }) is not MappingView view) return TlbSettings.Default;
            var entries = view.Has("entries") ? values.Ranged(view["entries"], "entries", 1, 65536, "1 to 65536") : 64;
            var ways = view.Has("ways") ? values.Ranged(view["ways"], "ways", 1, 65536, "1 to 65536") : null;
            var asid = view.Has("asid") ? values.Bool(view["asid"], "asid") : true;
            if (entries is null || asid is null || (view.Has("ways") && ways is null)) return TlbSettings.Default;
            if (ways is ulong w)
            {
                ulong sets = entries.Value / w;
                if (entries.Value % w != 0)
                {
                    context.Report(DiagnosticCatalog.InvalidTlbGeometry, view["ways"]!.Span, $"ways {w} does not divide entries {entries.Value}");
                    return TlbSettings.Default;
                }
                if (!NumberSyntax.IsPowerOfTwo(sets))
                {
                    // The set is picked by the low VPN bits, so the number of sets must be a power of two.
                    context.Report(DiagnosticCatalog.InvalidTlbGeometry, view["ways"]!.Span, $"entries {entries.Value} / ways {w} gives {sets} sets; the set count must be a power of two");
                    return TlbSettings.Default;
                }
            }
            return new TlbSettings((int)entries.Value, ways is ulong ww ? (int)ww : (int?)null, asid.Value, true);
        }

        public KernelSettings Kernel(YamlNode? node)
        {
            if (node is null || Section(node, "kernel", new[] { "swap" }) is not MappingView view) return KernelSettings.Default;
            var swap = view.Has("swap") ? values.Size(view["swap"], "swap") : 0;
            return swap is null ? KernelSettings.Default : new KernelSettings(swap.Value, true);
        }

        /// <summary>Top-level words lists: <c>mmu</c>, <c>requires</c>, <c>tags</c>.</summary>
        public EquatableArray<string> Words(YamlNode? node, string key, System.Func<string, bool> isValid, string what, string rule, bool required)
        {
            if (node is null) return EquatableArray<string>.Empty;
            if (node is not YamlSequence sequence)
            {
                context.Report(DiagnosticCatalog.WrongNodeKind, node.Span, "'" + key + "'", "a list", node.Describe());
                return EquatableArray<string>.Empty;
            }
            if (required && sequence.Items.Count == 0)
            {
                context.Report(DiagnosticCatalog.Empty, sequence.Span, "'" + key + "'");
            }
            var words = new List<string>(sequence.Items.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in sequence.Items)
            {
                var scalar = values.Scalar(item, key, "a word");
                if (scalar is null) continue;
                if (!isValid(scalar.Value))
                {
                    context.Report(DiagnosticCatalog.InvalidIdentifier, scalar.Span, scalar.Value, what, rule);
                }
                else if (!seen.Add(scalar.Value))
                {
                    context.Report(DiagnosticCatalog.DuplicateItem, scalar.Span, scalar.Value, key);
                }
                else
                {
                    words.Add(scalar.Value);
                }
            }
            return new EquatableArray<string>(words.ToArray());
        }

        private MappingView? Section(YamlNode node, string key, string[] keys)
        {
            if (node is YamlMapping mapping) return new MappingView(context, mapping, "'" + key + "'", keys);
            context.Report(DiagnosticCatalog.WrongNodeKind, node.Span, "'" + key + "'", "a mapping of " + string.Join(", ", keys), node.Describe());
            return null;
        }
    }
}
