using VmSpec.Core.Memory;
using static VmSpec.Core.Tests.Memory.TestRam;

namespace VmSpec.Core.Tests.Memory;

/// <summary>TryAllocContiguous: the highest aligned run of free frames, cut out of the free list and nothing else.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class FrameAllocatorContiguousTests
{
    private const ulong Size = 64 * Frame;

    private readonly FrameAllocator _frames = new(new PhysicalMemory(Base, Size));
    private readonly FreeListModel _model = new(Base, Size);

    [Test]
    public void The_run_starts_at_the_highest_multiple_of_the_alignment_that_fits()
    {
        Assert.That(AllocContiguous(4, 16 * Frame), Is.EqualTo(Base + 48 * Frame));
        Assert.That(AllocContiguous(2, 16 * Frame), Is.EqualTo(Base + 32 * Frame), "48 is taken");
    }

    [Test]
    public void The_run_avoids_frames_in_use()
    {
        AllocSingles(2);

        Assert.That(AllocContiguous(3, Frame), Is.EqualTo(Base + 59 * Frame));
    }

    [Test]
    public void Frames_of_the_run_that_were_on_the_free_list_are_taken_off_it()
    {
        var singles = AllocSingles(8);
        foreach (var frame in singles)
            Free(frame);

        var first = AllocContiguous(4, 4 * Frame);

        Assert.That(first, Is.EqualTo(Base + 60 * Frame));
        Assert.That(DrainSingles(), Does.Not.Contain(first).And.Not.Contain(first + 3 * Frame));
    }

    [Test]
    public void Later_single_allocations_keep_their_order_apart_from_the_run()
    {
        AllocSingles(1);
        Free(AllocSingles(3)[1]);
        AllocContiguous(4, 16 * Frame);

        Assert.That(DrainSingles(), Is.EqualTo(DrainModel()));
    }

    [Test]
    public void A_one_frame_run_is_the_highest_free_frame_not_the_free_list_head()
    {
        var singles = AllocSingles(3);
        Free(singles[0]);
        Free(singles[2]);

        Assert.That(AllocContiguous(1, Frame), Is.EqualTo(Base + 63 * Frame), "the head is 61");
    }

    [Test]
    public void Counts_follow_the_run()
    {
        AllocContiguous(5, Frame);

        Assert.That((_frames.FreeFrames, _frames.UsedFrames), Is.EqualTo((59L, 5L)));
        Assert.That(Enumerable.Range(59, 5).Select(i => _frames.IsFree(Base + (ulong)i * Frame)), Is.All.False);
    }

    [Test]
    public void No_aligned_run_of_free_frames_gives_false_and_changes_nothing()
    {
        // Every other frame in use: plenty free, no two adjacent.
        var singles = AllocSingles(64);
        foreach (var frame in singles.Where(f => (f / Frame) % 2 == 0))
            Free(frame);

        Assert.That(_frames.TryAllocContiguous(2, Frame, out _), Is.False);
        Assert.That(_frames.FreeFrames, Is.EqualTo(32));
        Assert.That(DrainSingles(), Is.EqualTo(DrainModel()));
    }

    [TestCase(65, 4096UL, TestName = "more frames than RAM")]
    [TestCase(0, 4096UL, TestName = "no frames")]
    [TestCase(2, 3 * 4096UL, TestName = "alignment not a power of two")]
    [TestCase(2, 0UL, TestName = "alignment zero")]
    public void An_impossible_request_gives_false(long count, ulong alignment)
    {
        Assert.That(_frames.TryAllocContiguous(count, alignment, out _), Is.False);
        Assert.That(_frames.FreeFrames, Is.EqualTo(64));
    }

    private ulong AllocContiguous(int count, ulong alignment)
    {
        Assert.That(_frames.TryAllocContiguous(count, alignment, out var first), Is.True, "a run was free");
        Assert.That(_model.AllocContiguous(count, alignment), Is.EqualTo(first), "the model agrees");
        return first;
    }

    [Test]
    public void Freeing_a_run_gives_back_every_frame_of_it()
    {
        var first = AllocContiguous(4, 4 * Frame);

        _frames.FreeContiguous(first, 4);

        Assert.That(_frames.FreeFrames, Is.EqualTo(64));
        Assert.That(Enumerable.Range(0, 4).Select(i => _frames.IsFree(first + (ulong)i * Frame)), Is.All.True);
    }

    private ulong[] AllocSingles(int count) => Enumerable.Range(0, count).Select(_ =>
    {
        Assert.That(_frames.TryAlloc(out var frame), Is.True);
        Assert.That(_model.Alloc(), Is.EqualTo(frame), "the model agrees");
        return frame;
    }).ToArray();

    private void Free(ulong frame)
    {
        _frames.Free(frame);
        _model.Free(frame);
    }

    private List<ulong> DrainSingles()
    {
        var order = new List<ulong>();
        while (_frames.TryAlloc(out var frame))
            order.Add(frame);
        return order;
    }

    private List<ulong> DrainModel()
    {
        var order = new List<ulong>();
        while (_model.Alloc() is { } frame)
            order.Add(frame);
        return order;
    }
}
