using VmSpec.Conformance;
using VmSpec.Core.Paging;
using VmSpec.Core.Segmentation;

// The built-in MMUs, one line each: the generator turns every scenario naming the kind into a test case.
[assembly: ConformanceTarget(typeof(Sv39Mmu), "sv39")]
[assembly: ConformanceTarget(typeof(SingleLevelMmu), "single-level")]
[assembly: ConformanceTarget(typeof(SegmentationUnit), "segmentation")]
