using VmSpec.Core.Mmu;

namespace VmSpec.Core.Segmentation;

/// <summary>What a segmentation unit offers to set up its segment table. Nothing here throws.</summary>
public interface ISegmentedMmu : IMmu
{
    /// <summary>Defines a segment, replacing any segment of the same selector.</summary>
    EditResult DefineSegment(in Segment segment);
}
