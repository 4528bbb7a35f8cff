using VmSpec.Core.Memory;
using static VmSpec.Core.Tests.Memory.TestRam;

namespace VmSpec.Core.Tests.Memory;

/// <summary>The allocator as documented: xv6's threaded free list, highest frame first, zeroed hand-outs.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class FrameAllocatorTests
{
    private const ulong Size = 64 * Frame;
    private const ulong Top = Base + Size - Frame;

    private readonly PhysicalMemory _ram = new(Base, Size);
    private readonly FrameAllocator _frames;

    public FrameAllocatorTests() => _frames = new FrameAllocator(_ram);

    [Test]
    public void A_fresh_allocator_hands_out_the_highest_frame_first_then_descends() =>
        Assert.That(Alloc(3), Is.EqualTo(new[] { Top, Top - Frame, Top - 2 * Frame }));

    [Test]
    public void From_boot_every_frame_holds_the_frame_below_it_and_the_lowest_ends_the_list()
    {
        Assert.That(Word(Top), Is.EqualTo(Top - Frame));
        Assert.That(Word(Base + 5 * Frame), Is.EqualTo(Base + 4 * Frame));
        Assert.That(Word(Base), Is.EqualTo(FrameAllocator.EndOfList));
        Assert.That(Word(Base + 5 * Frame + 8), Is.Zero, "only the first eight bytes hold the link");
        Assert.That(_ram.BackedBytes, Is.Zero, "the links cost no host memory");
    }

    [Test]
    public void A_freed_frame_holds_the_previous_head_in_its_first_eight_bytes()
    {
        var (a, b) = (Alloc(), Alloc());

        _frames.Free(a);
        _frames.Free(b);

        Assert.That(Word(b), Is.EqualTo(a));
        Assert.That(Word(a), Is.EqualTo(Top - 2 * Frame), "the head when a was freed: the highest frame never handed out");
    }

    [Test]
    public void A_frame_written_while_free_keeps_its_link_beside_the_write()
    {
        var frame = Base + 9 * Frame;

        _ram.TryWrite(frame + 16, 8, 0xAB);

        Assert.That((Word(frame), Word(frame + 16)), Is.EqualTo((frame - Frame, 0xABUL)));
    }

    [Test]
    public void Freed_frames_come_back_last_in_first_out_before_untouched_ones()
    {
        var (a, b, c) = (Alloc(), Alloc(), Alloc());

        _frames.Free(b);
        _frames.Free(a);
        _frames.Free(c);

        Assert.That(Alloc(4), Is.EqualTo(new[] { c, a, b, Top - 3 * Frame }));
    }

    [Test]
    public void A_handed_out_frame_is_zeroed_even_where_the_list_link_was()
    {
        var frame = Alloc();
        _ram.TryWrite(frame + 100, 8, 0xFFFF_FFFF);
        _frames.Free(Alloc());
        _frames.Free(frame);

        Assert.That(Alloc(), Is.EqualTo(frame));
        Assert.That((Word(frame), Word(frame + 100)), Is.EqualTo((0UL, 0UL)));
    }

    [TestCase(0x1234UL, TestName = "A link outside RAM is not followed")]
    [TestCase(Top, TestName = "A link to a frame in use is not followed")]
    [TestCase(Top - Frame, TestName = "A link to the frame itself is not followed")]
    [TestCase(Top - 2 * Frame + 8, TestName = "A link into the middle of a free frame is not followed")]
    public void A_broken_link_is_not_followed_and_the_highest_free_frame_comes_next(ulong link)
    {
        _ram.TryWrite(Top - Frame, 8, link);

        var taken = Alloc(3);

        Assert.That(taken, Is.EqualTo(new[] { Top, Top - Frame, Top - 2 * Frame }));
        AssertEveryFrameHandedOutOnce(taken);
    }

    [Test]
    public void A_link_that_skips_free_frames_loses_none_of_them()
    {
        _ram.TryWrite(Top - Frame, 8, Base + 3 * Frame);

        // Followed, as it names a free frame: down to Base and the end of the list, then the
        // skipped frames by the bitmap, highest first.
        var taken = Alloc(7);

        Assert.That(taken, Is.EqualTo(new[] { Top, Top - Frame, Base + 3 * Frame, Base + 2 * Frame, Base + Frame, Base, Top - 2 * Frame }));
        AssertEveryFrameHandedOutOnce(taken);
    }

    [Test]
    public void A_circle_of_links_ends_a_contiguous_allocation_s_walk()
    {
        // Top links down to Top - Frame, which now links back up: the walk to the run at Base
        // (the only frame aligned to all of RAM) would otherwise go round the two forever.
        _ram.TryWrite(Top - Frame, 8, Top);

        Assert.That(_frames.TryAllocContiguous(1, 64 * Frame, out var run), Is.True);
        Assert.That(run, Is.EqualTo(Base));
        AssertEveryFrameHandedOutOnce([run]);
    }

    [Test]
    public void A_link_back_into_a_run_cut_out_of_the_list_does_not_hand_a_frame_out_twice()
    {
        // Top - Frame links back up at Top; the run of both leaves the head on Top, now in use,
        // whose data happens to look like a link.
        _ram.TryWrite(Top - Frame, 8, Top);
        Assert.That(_frames.TryAllocContiguous(2, Frame, out var run) && run == Top - Frame, "the run of the top two frames");
        _ram.TryWrite(Top, 8, Top - 5 * Frame);

        var next = Alloc();

        Assert.That(next, Is.EqualTo(Top - 2 * Frame));
        AssertEveryFrameHandedOutOnce([Top - Frame, Top, next]);
    }

    [Test]
    public void Freeing_a_free_frame_throws()
    {
        var frame = Alloc();
        _frames.Free(frame);

        Assert.That(() => _frames.Free(frame), Throws.TypeOf<FrameAllocatorException>());
        Assert.That(() => _frames.Free(Base), Throws.TypeOf<FrameAllocatorException>(), "never handed out");
    }

    [TestCase(Base - Frame, TestName = "below RAM")]
    [TestCase(Base + Size, TestName = "at End")]
    [TestCase(Top + 8, TestName = "misaligned")]
    public void Freeing_what_is_no_frame_of_ram_throws(ulong address) =>
        Assert.That(() => _frames.Free(address), Throws.TypeOf<FrameAllocatorException>());

    [Test]
    public void Free_and_used_always_add_up_to_the_total()
    {
        Assert.That((_frames.FreeFrames, _frames.UsedFrames, _frames.TotalFrames), Is.EqualTo((64L, 0L, 64L)));
        var frame = Alloc();
        _frames.TryAllocContiguous(4, 4 * Frame, out _);
        Assert.That((_frames.FreeFrames, _frames.UsedFrames), Is.EqualTo((59L, 5L)));
        _frames.Free(frame);
        Assert.That((_frames.FreeFrames, _frames.UsedFrames), Is.EqualTo((60L, 4L)));
    }

    [Test]
    public void Exhausted_ram_gives_false_not_an_exception()
    {
        Alloc(64);

        Assert.That(_frames.TryAlloc(out _), Is.False);
        Assert.That(_frames.TryAllocContiguous(2, Frame, out _), Is.False);
    }

    private ulong Alloc()
    {
        Assert.That(_frames.TryAlloc(out var frame), Is.True, "a frame was free");
        return frame;
    }

    /// <summary>Drains the allocator: with <paramref name="taken"/> already out, every frame of RAM comes out exactly once in all.</summary>
    private void AssertEveryFrameHandedOutOnce(IEnumerable<ulong> taken)
    {
        var all = taken.ToList();
        while (_frames.TryAlloc(out var frame))
            all.Add(frame);
        Assert.That(all, Is.EquivalentTo(Enumerable.Range(0, 64).Select(i => Base + (ulong)i * Frame)));
    }

    private ulong[] Alloc(int count) => Enumerable.Range(0, count).Select(_ => Alloc()).ToArray();

    private ulong Word(ulong pa) => _ram.TryReadUInt64(pa, out var value) ? value : throw new AssertionException("outside RAM");
}
