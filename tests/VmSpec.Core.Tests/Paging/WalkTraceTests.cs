using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Core.Tests.Segmentation;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

/// <summary>
/// The walk trace is opt-in (<see cref="MachineOptions.TraceWalks"/>): off, a walk records nothing
/// but still counts every entry it read; on, the trace holds exactly the entries counted.
/// </summary>
public sealed class WalkTraceTests
{
    private const ulong Va = 0x4000_1000;

    /// <summary>A leaf, a fault at level 0, a fault at the root and a table pointer outside RAM.</summary>
    private static readonly ulong[] Probes = [Va + 8, Va + 0x1000, 0x3F_FFFF_F000, 0x2000_0000];

    private static Sv39Mmu Mapped(MachineOptions options)
    {
        var mmu = Sv39(options);
        AssertOk(mmu.Map(Va, Ram, 4096, UserRwAd));
        AssertOk(mmu.WritePte(0x2000_0000, 2, Pte.Pointer(0x1000 >> 12).Raw));
        return mmu;
    }

    [Test]
    public void Untraced_walks_record_nothing_and_count_what_they_read()
    {
        var mmu = Mapped(new MachineOptions());

        var walks = Probes.Select(va => mmu.Translate(Access.Read(va)).Walk).ToList();

        Assert.That(walks, Is.All.Null);
        Assert.That((mmu.Counters.Walks, mmu.Counters.PteReads), Is.EqualTo((4L, 3L + 3 + 1 + 1)));
    }

    [Test]
    public void Traced_walks_record_one_step_per_counted_read()
    {
        var mmu = Mapped(Traced);

        foreach (var va in Probes)
        {
            var before = mmu.Counters.PteReads;
            var walk = mmu.Translate(Access.Read(va)).Walk;

            Assert.That(walk, Is.Not.Null, $"0x{va:x}");
            Assert.That(walk!.Steps, Has.Count.EqualTo(mmu.Counters.PteReads - before), $"0x{va:x}");
        }
    }

    [Test]
    public void A_single_level_walk_is_traced_only_when_asked()
    {
        var quiet = SingleLevel();
        var traced = SingleLevel(traceWalks: true);

        Assert.That(quiet.Translate(Access.Read(Va)).Walk, Is.Null);
        Assert.That(traced.Translate(Access.Read(Va)).Walk!.Steps.Single().Index, Is.EqualTo(Va >> 12));
        Assert.That((quiet.Counters.PteReads, traced.Counters.PteReads), Is.EqualTo((1L, 1L)));
    }

    [Test]
    public void A_segment_descriptor_read_is_traced_only_when_asked()
    {
        var quiet = SegmentationHarness.Explicit().With(new(1, 0x2000, 0x1FF, SegmentationHarness.Rw));
        var traced = SegmentationHarness.Explicit(traceWalks: true).With(new(1, 0x2000, 0x1FF, SegmentationHarness.Rw));

        Assert.That(quiet.At(1, 0x10).Walk, Is.Null);
        Assert.That(traced.At(1, 0x10).Walk!.Steps.Single().Table, Is.EqualTo("SEG"));
        Assert.That((quiet.Counters.PteReads, traced.Counters.PteReads), Is.EqualTo((1L, 1L)));
    }
}
