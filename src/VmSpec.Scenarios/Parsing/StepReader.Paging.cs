namespace VmSpec.Scenarios.Parsing
{
    // Address-space and segment setup steps.
    internal sealed partial class StepReader
    {
        private const ulong MegaPage = 2UL << 20;
        private const ulong GigaPage = 1UL << 30;
        private const ulong MaxAsid = 0xFFFF; // Sv39's satp.ASID is 16 bits wide.

        // The deepest page tables in use have five levels (RISC-V Sv57, x86-64 LA57): root level 4.
        private const ulong MaxPluginLevel = 4;

        private Step? Map(SourceSpan span, YamlNode value)
        {
            if (Arguments(value, "map", "va", "pa", "size", "perm", "user", "global", "accessed", "dirty") is not MappingView args) return null;
            var va = values.Address(values.Require(args, "va"), "va", AddressForms.Virtual);
            var pa = values.Number(args["pa"], "pa");
            var size = PositiveSize(args["size"], "size");
            var perm = values.Perm(values.Require(args, "perm"), "perm", allowEmpty: false);
            var user = values.Bool(args["user"], "user");
            var global = values.Bool(args["global"], "global");
            var accessed = values.Bool(args["accessed"], "accessed");
            var dirty = values.Bool(args["dirty"], "dirty");

            bool vaAligned = CheckPageAligned(args, "va", va, "map");
            bool paAligned = CheckPageAligned(args, "pa", pa is ulong p ? new LiteralAddress(p) : null, "map");
            CheckPageAligned(args, "size", size is ulong s ? new LiteralAddress(s) : null, "map");
            if (shape.HasSv39 && size is ulong superpage && (superpage == MegaPage || superpage == GigaPage))
            {
                // A superpage is one leaf: its va and pa must be naturally aligned (the brief's rule,
                // stricter than silently falling back to 4 KiB pages).
                string sizeText = superpage == MegaPage ? "2 MiB" : "1 GiB";
                if (vaAligned && va is LiteralAddress literalVa && literalVa.Value % superpage != 0)
                {
                    context.Report(DiagnosticCatalog.MisalignedSuperpage, args["va"]!.Span, "va", literalVa.Value, sizeText);
                }
                if (paAligned && pa is ulong literalPa && literalPa % superpage != 0)
                {
                    context.Report(DiagnosticCatalog.MisalignedSuperpage, args["pa"]!.Span, "pa", literalPa, sizeText);
                }
            }
            if (va is null || perm is null) return null;
            return new MapStep(span, va, pa, size, perm.Value, user ?? true, global ?? false, accessed ?? false, dirty ?? false);
        }

        private Step? Unmap(SourceSpan span, YamlNode value)
        {
            if (Arguments(value, "unmap", "va", "size") is not MappingView args) return null;
            var va = values.Address(values.Require(args, "va"), "va", AddressForms.Virtual);
            var size = PositiveSize(args["size"], "size");
            CheckPageAligned(args, "va", va, "unmap");
            CheckPageAligned(args, "size", size is ulong s ? new LiteralAddress(s) : null, "unmap");
            return va is null ? null : new UnmapStep(span, va, size);
        }

        private Step? Protect(SourceSpan span, YamlNode value)
        {
            if (Arguments(value, "protect", "va", "size", "perm", "user") is not MappingView args) return null;
            var va = values.Address(values.Require(args, "va"), "va", AddressForms.Virtual);
            var size = PositiveSize(args["size"], "size");
            var perm = values.Perm(values.Require(args, "perm"), "perm", allowEmpty: false);
            var user = values.Bool(args["user"], "user");
            CheckPageAligned(args, "va", va, "protect");
            CheckPageAligned(args, "size", size is ulong s ? new LiteralAddress(s) : null, "protect");
            return va is null || perm is null ? null : new ProtectStep(span, va, size, perm.Value, user);
        }

        private Step? Pte(SourceSpan span, YamlNode value)
        {
            if (Arguments(value, "pte", "va", "level", "value") is not MappingView args) return null;
            var va = values.Address(values.Require(args, "va"), "va", AddressForms.Virtual);
            // A single-level table has only level 0 and Sv39 has 0..2. A plug-in kind's depth is not
            // known here, so up to MaxPluginLevel is accepted (Sv48's root is level 3) and the MMU
            // refuses a level it does not have when the step runs. As with several built-in kinds,
            // a level is accepted when some listed kind may have it.
            bool singleLevelOnly = shape.HasSingleLevel && !shape.HasSv39 && !shape.HasPluginKind;
            var level = singleLevelOnly
                ? values.Ranged(values.Require(args, "level"), "level", 0, 0, "0 (a single-level table has one level)")
                : shape.HasPluginKind
                    ? values.Ranged(values.Require(args, "level"), "level", 0, MaxPluginLevel, "0 to 4 (the root: 2 on sv39, 3 on sv48, 4 on a five-level table)")
                    : values.Ranged(values.Require(args, "level"), "level", 0, 2, "0, 1 or 2 (2 is the root)");
            var pte = values.Number(values.Require(args, "value"), "value");
            return va is null || level is null || pte is null ? null : new PteStep(span, va, (int)level.Value, pte.Value);
        }

        private Step? Space(SourceSpan span, YamlNode value)
        {
            if (Arguments(value, "space", "asid") is not MappingView args) return null;
            var asid = values.Ranged(values.Require(args, "asid"), "asid", 0, MaxAsid, "0 to 0xFFFF (16-bit ASID)");
            return asid is null ? null : new SpaceStep(span, asid.Value);
        }

        private Step? Sfence(SourceSpan span, YamlNode value)
        {
            if (Arguments(value, "sfence", "va", "asid") is not MappingView args) return null;
            var va = values.Address(args["va"], "va", AddressForms.Virtual);
            var asid = values.Ranged(args["asid"], "asid", 0, MaxAsid, "0 to 0xFFFF (16-bit ASID)");
            if ((args.Has("va") && va is null) || (args.Has("asid") && asid is null)) return null;
            return new SfenceStep(span, va, asid);
        }

        private Step? Segment(SourceSpan span, YamlNode value)
        {
            if (Arguments(value, "segment", "selector", "base", "limit", "size", "perm", "grows") is not MappingView args) return null;
            var settings = shape.Segmentation;
            ulong? selector = settings.Mode == SegmentationMode.TopBits
                ? values.Ranged(values.Require(args, "selector"), "selector", 0, Mask(settings.SelectorBits), $"less than 2^{settings.SelectorBits} (selector-bits)")
                : values.Number(values.Require(args, "selector"), "selector");
            var @base = values.Number(values.Require(args, "base"), "base");
            var perm = values.Perm(values.Require(args, "perm"), "perm", allowEmpty: false);
            var grows = args.Has("grows") ? values.Choice(args["grows"], "grows", Vocabulary.Directions) : GrowDirection.Up;

            ulong? limit = null;
            ulong maxOffset = Mask(settings.OffsetBits);
            string offsetRule = settings.OffsetBits >= 64 ? "any 64-bit offset" : $"at most 0x{maxOffset:x} (the offset space is 2^{settings.OffsetBits} bytes)";
            if (args.Has("limit") == args.Has("size"))
            {
                context.Report(DiagnosticCatalog.ExactlyOneOf, args.Node.Span, "'segment'", "limit", "size", args.Has("limit") ? "both" : "neither");
            }
            else if (args.Has("limit"))
            {
                limit = values.Ranged(args["limit"], "limit", 0, maxOffset, offsetRule);
            }
            else
            {
                // size is limit + 1, so it may be up to the whole offset space.
                var size = values.Size(args["size"], "size");
                if (size is ulong s)
                {
                    if (s == 0 || s - 1 > maxOffset)
                    {
                        context.Report(DiagnosticCatalog.OutOfRange, args["size"]!.Span, s, "size", "1 to the size of the offset space (2^" + settings.OffsetBits + ")");
                    }
                    else
                    {
                        limit = s - 1;
                    }
                }
            }
            if (selector is null || @base is null || perm is null || grows is null || limit is null) return null;
            return new SegmentStep(span, selector.Value, @base.Value, limit.Value, perm.Value, grows.Value);
        }

        private static ulong Mask(int bits) => bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;

        /// <summary>A size that must be greater than zero (an empty range is surely a mistake).</summary>
        private ulong? PositiveSize(YamlNode? node, string key)
        {
            var size = values.Size(node, key);
            if (size == 0)
            {
                context.Report(DiagnosticCatalog.OutOfRange, node!.Span, 0, key, "more than 0");
                return null;
            }
            return size;
        }

        /// <summary>Table edits work on whole pages; a literal that is not page aligned is reported. True if aligned or unknown.</summary>
        private bool CheckPageAligned(MappingView args, string key, AddressExpr? value, string action)
        {
            ulong alignment = shape.PageAlignment;
            if (alignment > 1 && value is LiteralAddress literal && literal.Value % alignment != 0)
            {
                context.Report(DiagnosticCatalog.PageMisaligned, args[key]!.Span, key, literal.Value, action, alignment);
                return false;
            }
            return true;
        }
    }
}
