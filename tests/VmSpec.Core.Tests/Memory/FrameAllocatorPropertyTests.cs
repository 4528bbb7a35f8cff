using CsCheck;
using VmSpec.Core.Memory;
using static VmSpec.Core.Tests.Memory.TestRam;

namespace VmSpec.Core.Tests.Memory;

/// <summary>
/// Random alloc / free / contiguous sequences: no frame lost or handed out twice, the order the
/// model predicts, and the list the model holds threaded through the free frames in memory.
/// </summary>
public sealed class FrameAllocatorPropertyTests
{
    private const int Frames = 48;

    private enum Op { Alloc, Free, AllocContiguous }

    private static readonly Gen<(Op Op, int Pick, int Count, int AlignShift)> Step =
        Gen.Select(Gen.Enum<Op>(), Gen.Int[0, 1000], Gen.Int[1, 6], Gen.Int[0, 3]);

    [Test]
    public void Random_sequences_never_lose_or_duplicate_a_frame() =>
        Step.Array[1, 120].Sample(steps =>
        {
            var ram = new PhysicalMemory(Base, Frames * Frame);
            var frames = new FrameAllocator(ram);
            var model = new FreeListModel(Base, Frames * Frame);
            var inUse = new List<ulong>();

            foreach (var (op, pick, count, alignShift) in steps)
            {
                Apply(frames, model, inUse, op, pick, count, Frame << alignShift);
                foreach (var (frame, next) in model.Links())
                    Assert.That(ram.TryReadUInt64(frame, out var link) ? link : 0, Is.EqualTo(next), $"the link in free frame 0x{frame:x}");
            }

            Assert.That(inUse, Is.Unique);
            Assert.That(frames.FreeFrames, Is.EqualTo(Frames - inUse.Count));
            AssertDrainingGivesEveryOtherFrame(frames, inUse);
        }, iter: 500);

    /// <summary>
    /// The same sequences with stores of random words into free frames between the steps, as raw
    /// pointer PTEs into free frames let edits make: the list breaks, but no frame is handed out
    /// while in use, none is lost, and nothing throws.
    /// </summary>
    [Test]
    public void Stores_into_free_frames_never_cost_a_frame() =>
        Gen.Select(Step, Gen.Int[0, Frames - 1], Gen.OneOf(Gen.ULong, Gen.ULong[Base, Base + Frames * Frame]))
            .Array[1, 120].Sample(steps =>
        {
            var ram = new PhysicalMemory(Base, Frames * Frame);
            var frames = new FrameAllocator(ram);
            var inUse = new List<ulong>();

            foreach (var ((op, pick, count, alignShift), victim, word) in steps)
            {
                var target = Base + (ulong)victim * Frame;
                if (frames.IsFree(target))
                    ram.TryWrite(target, 8, word);
                switch (op)
                {
                    case Op.Alloc when frames.TryAlloc(out var frame):
                        Assert.That(inUse, Does.Not.Contain(frame), "handed out while in use");
                        inUse.Add(frame);
                        break;
                    case Op.Free when inUse.Count > 0:
                        FreeOne(frames, inUse, pick);
                        break;
                    case Op.AllocContiguous when frames.TryAllocContiguous(count, Frame << alignShift, out var first):
                        var run = Run(first, count).ToList();
                        Assert.That(inUse.Intersect(run), Is.Empty, "a run over frames in use");
                        inUse.AddRange(run);
                        break;
                }
                Assert.That(frames.FreeFrames, Is.EqualTo(Frames - inUse.Count));
            }

            AssertDrainingGivesEveryOtherFrame(frames, inUse);
        }, iter: 2_000);

    private static void AssertDrainingGivesEveryOtherFrame(FrameAllocator frames, IEnumerable<ulong> inUse)
    {
        var all = inUse.ToList();
        while (frames.TryAlloc(out var frame))
            all.Add(frame);
        Assert.That(all, Is.EquivalentTo(Run(Base, Frames)));
    }

    private static ulong FreeOne(FrameAllocator frames, List<ulong> inUse, int pick)
    {
        var victim = inUse[pick % inUse.Count];
        inUse.Remove(victim);
        frames.Free(victim);
        return victim;
    }

    private static IEnumerable<ulong> Run(ulong first, int count) =>
        Enumerable.Range(0, count).Select(i => first + (ulong)i * Frame);

    private static void Apply(FrameAllocator frames, FreeListModel model, List<ulong> inUse, Op op, int pick, int count, ulong alignment)
    {
        switch (op)
        {
            case Op.Alloc:
                var got = frames.TryAlloc(out var frame) ? frame : (ulong?)null;
                Assert.That(got, Is.EqualTo(model.Alloc()), "single allocation");
                if (got is { } single)
                    inUse.Add(single);
                break;
            case Op.Free when inUse.Count > 0:
                model.Free(FreeOne(frames, inUse, pick));
                break;
            case Op.AllocContiguous:
                var run = frames.TryAllocContiguous(count, alignment, out var first) ? first : (ulong?)null;
                Assert.That(run, Is.EqualTo(model.AllocContiguous(count, alignment)), $"{count} frames aligned 0x{alignment:x}");
                if (run is { } start)
                    inUse.AddRange(Run(start, count));
                break;
        }
        Assert.That(frames.FreeFrames + frames.UsedFrames, Is.EqualTo(frames.TotalFrames));
        Assert.That(frames.FreeFrames, Is.EqualTo(model.FreeFrames.Count));
    }
}
