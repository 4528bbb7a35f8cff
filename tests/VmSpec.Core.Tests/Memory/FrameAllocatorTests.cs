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
    public void A_freed_frame_holds_the_previous_head_in_its_first_eight_bytes()
    {
        var (a, b) = (Alloc(), Alloc());

        _frames.Free(a);
        _frames.Free(b);

        Assert.That(Word(b), Is.EqualTo(a));
        Assert.That(Word(a), Is.EqualTo(FrameAllocator.EndOfList), "the first freed frame ends the explicit list");
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

    private ulong[] Alloc(int count) => Enumerable.Range(0, count).Select(_ => Alloc()).ToArray();

    private ulong Word(ulong pa) => _ram.TryReadUInt64(pa, out var value) ? value : throw new AssertionException("outside RAM");
}
