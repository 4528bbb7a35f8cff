using VmSpec.Core.Segmentation;
using VmSpec.Scenarios;

namespace VmSpec.Runner.Execution;

/// <summary>Segment table setup.</summary>
internal static class SegmentExecutor
{
    public static StepOutcome Execute(RunContext context, SegmentStep step)
    {
        if (context.Segments is not { } unit)
            return StepOutcome.Fail($"'segment' needs a segmentation unit; {context.Target.Name} is {context.Target.Kind}");

        var segment = new Segment(step.Selector, step.Base, step.Limit, Vocabulary.ToSegmentPermissions(step.Perm), step.Grows == GrowDirection.Down);
        var result = unit.DefineSegment(segment);
        return result.IsOk ? StepOutcome.Done : StepOutcome.Fail($"the segmentation unit refused the segment: {result}");
    }
}
