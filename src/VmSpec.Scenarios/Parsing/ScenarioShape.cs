using System.Collections.Generic;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>
    /// What the top level says about the machine, which the step checks depend on: the MMU kinds
    /// and the settings. Read before the steps, whatever the key order in the file.
    /// </summary>
    internal sealed class ScenarioShape
    {
        /// <param name="segmentationValid">False when the segmentation section is in error: its mode is then unknown.</param>
        public ScenarioShape(IReadOnlyList<string> kinds, PagingSettings paging, SegmentationSettings segmentation, bool segmentationValid)
        {
            Kinds = kinds;
            Paging = paging;
            Segmentation = segmentation;
            SegmentationValid = segmentationValid;
            foreach (var kind in kinds)
            {
                switch (kind)
                {
                    case "sv39": HasSv39 = true; break;
                    case "single-level": HasSingleLevel = true; break;
                    case "segmentation": HasSegmentation = true; break;
                    default: HasPluginKind = true; break;
                }
            }
        }

        public IReadOnlyList<string> Kinds { get; }

        public PagingSettings Paging { get; }

        public SegmentationSettings Segmentation { get; }

        public bool SegmentationValid { get; }

        public bool HasSv39 { get; }

        public bool HasSingleLevel { get; }

        public bool HasSegmentation { get; }

        /// <summary>A kind we do not know: it may be paging or segmentation, so kind checks stand back.</summary>
        public bool HasPluginKind { get; }

        public bool AllowsPaging => HasSv39 || HasSingleLevel || HasPluginKind || Kinds.Count == 0;

        public bool AllowsSegmentation => HasSegmentation || HasPluginKind || Kinds.Count == 0;

        public string KindList => string.Join(", ", Kinds);

        /// <summary>
        /// In top-bits mode the top selector-bits of a plain address pick the segment, so an access
        /// written "SEL:OFFSET" names no segment: the machine would fault it with <c>selector</c> every time.
        /// </summary>
        public bool RefusesSegmentedAddress => SegmentationValid && Segmentation.Mode == SegmentationMode.TopBits;

        /// <summary>
        /// In explicit mode the selector is written apart from the offset, so a plain address names no
        /// segment; it is wrong only when no other kind (a paging one, or a plug-in) may read it.
        /// </summary>
        public bool RequiresSegmentedAddress =>
            SegmentationValid && Segmentation.Mode == SegmentationMode.Explicit && HasSegmentation && !HasSv39 && !HasSingleLevel && !HasPluginKind;

        /// <summary>
        /// The alignment a map/unmap/protect must respect: the largest page size among the paging
        /// kinds listed (sv39 pages are 4 KiB, single-level pages are paging.page-size).
        /// </summary>
        public ulong PageAlignment
        {
            get
            {
                ulong alignment = 1;
                if (HasSv39) alignment = 4096;
                if (HasSingleLevel && Paging.PageSize > alignment) alignment = Paging.PageSize;
                return alignment;
            }
        }
    }
}
