using VmSpec.Core.Mmu;
using VmSpec.Core.Segmentation;

namespace VmSpec.Core.Tests.Segmentation;

/// <summary>Builds segmentation units over fresh machines and phrases accesses the way scenarios do.</summary>
internal static class SegmentationHarness
{
    public const SegmentPermissions Rw = SegmentPermissions.Read | SegmentPermissions.Write;
    public const SegmentPermissions Rwx = Rw | SegmentPermissions.Execute;

    public static SegmentationUnit Explicit(int offsetBits = 32, bool traceWalks = false) =>
        new(new Machine(new MachineOptions { Segmentation = new SegmentationOptions(OffsetBits: offsetBits), TraceWalks = traceWalks }));

    public static SegmentationUnit TopBits(int addressBits, int selectorBits) =>
        new(new Machine(new MachineOptions
        {
            Segmentation = new SegmentationOptions(SegmentAddressing.TopBits, addressBits, selectorBits),
        }));

    /// <summary>Defines a segment that the test needs to exist; a refusal is a broken precondition.</summary>
    public static SegmentationUnit With(this SegmentationUnit unit, Segment segment)
    {
        var result = unit.DefineSegment(segment);
        Assert.That(result.IsOk, Is.True, result.ToString());
        return unit;
    }

    /// <summary>The explicit <c>SEL:OFFSET</c> form.</summary>
    public static Translation At(this IMmu mmu, ulong selector, ulong offset, AccessType type = AccessType.Read) =>
        mmu.Translate(new Access(offset, type, Selector: selector));

    /// <summary>A plain address, as top-bits mode takes it.</summary>
    public static Translation AtAddress(this IMmu mmu, ulong address, AccessType type = AccessType.Read) =>
        mmu.Translate(new Access(address, type));

    public static void AssertTranslates(Translation translation, ulong pa)
    {
        Assert.That(translation.IsFault, Is.False, translation.ToString());
        Assert.That(translation.PhysicalAddress, Is.EqualTo(pa), $"pa 0x{translation.PhysicalAddress:x}");
    }

    public static void AssertFaults(Translation translation, FaultReason reason)
    {
        Assert.That(translation.Fault, Is.EqualTo(FaultKind.SegmentationFault), translation.ToString());
        Assert.That(translation.Reason, Is.EqualTo(reason));
    }
}
