using CsCheck;
using VmSpec.Core.Mmu;
using VmSpec.Core.Segmentation;

namespace VmSpec.Core.Tests.Segmentation;

/// <summary>Random segments and random accesses: the unit never throws and agrees with <see cref="SegmentationReference"/>.</summary>
public sealed class SegmentationPropertyTests
{
    // Values clustered where the rules have edges (0, the offset width, 2^56, 2^64) as well as anywhere.
    private static readonly Gen<ulong> Value = Gen.OneOf(
        Gen.ULong,
        Gen.ULong[0, 0x1_0000],
        Gen.Int[0, 63].Select(Gen.ULong[0, 4], (bit, nudge) => (1UL << bit) - 2 + nudge),
        Gen.ULong[(1UL << 56) - 0x1000, (1UL << 56) + 0x1000]);

    private static readonly Gen<SegmentationOptions> Options = Gen.OneOf(
        Gen.Int[1, 64].Select(bits => new SegmentationOptions(OffsetBits: bits)),
        Gen.Int[2, 64].SelectMany(bits => Gen.Int[1, Math.Min(bits - 1, 3)]
            .Select(selectorBits => new SegmentationOptions(SegmentAddressing.TopBits, bits, selectorBits))));

    private static readonly Gen<Segment> Segments =
        Gen.Select(Gen.ULong[0, 9], Value, Value, Gen.Byte[0, 8], Gen.Bool,
            (selector, @base, limit, permissions, down) => new Segment(selector, @base, limit, (SegmentPermissions)permissions, down));

    private static readonly Gen<Access> Accesses =
        Gen.Select(Value, Gen.Enum<AccessType>(), Gen.ULong[0, 9].Nullable(),
            (address, type, selector) => new Access(address, type, Selector: selector));

    [Test]
    public void Random_segments_and_accesses_agree_with_the_reference() =>
        Gen.Select(Options, Segments.Array[0, 6], Accesses.Array[1, 30]).Sample((options, segments, accesses) =>
        {
            var unit = new SegmentationUnit(new Machine(new MachineOptions { Segmentation = options }));
            var reference = new SegmentationReference(options);

            foreach (var segment in segments)
                Assert.That(unit.DefineSegment(segment).IsOk, Is.EqualTo(reference.Define(segment)), $"define {segment}");
            foreach (var access in accesses)
            {
                var actual = unit.Translate(access);
                var (reason, pa) = reference.Translate(access);
                Assert.That((actual.Reason, actual.PhysicalAddress), Is.EqualTo((reason, pa)), $"{access}");
            }
        }, iter: 2000);

    /// <summary>
    /// A load or store of 1, 2, 4 or 8 bytes: every byte must lie in the segment, and then in RAM.
    /// Most start within 7 bytes of a defined segment's last offset, where the size decides.
    /// </summary>
    [Test]
    public void Loads_and_stores_fault_unless_every_byte_is_in_the_segment() =>
        Gen.Select(Options, Segments.Array[1, 6], Gen.Select(Gen.Int[0, 5], Gen.ULong[0, 7], Gen.Enum<AccessType>(), Gen.OneOf(1, 2, 4, 8)).Array[1, 30])
            .Sample((options, segments, accesses) =>
        {
            var unit = new SegmentationUnit(new Machine(new MachineOptions { Segmentation = options }));
            var reference = new SegmentationReference(options);
            foreach (var segment in segments)
                Assert.That(unit.DefineSegment(segment).IsOk, Is.EqualTo(reference.Define(segment)), $"define {segment}");

            foreach (var (pick, back, type, size) in accesses)
            {
                var access = NearTheEnd(options, segments[pick % segments.Length], back, type);
                var result = type == AccessType.Write ? unit.Store(access, 0x5A5A_5A5A_5A5A_5A5A, size) : unit.Load(access, size);
                var (reason, pa) = reference.Translate(access, size);
                if (reason == FaultReason.None && !unit.Machine.Memory.Contains(pa, (ulong)size))
                    reason = FaultReason.OutsideRam;
                Assert.That((result.Translation.Reason, reason == FaultReason.None ? result.Translation.PhysicalAddress : 0),
                    Is.EqualTo((reason, reason == FaultReason.None ? pa : 0)), $"{size} bytes at {access}");
            }
        }, iter: 2000);

    /// <summary>An access <paramref name="back"/> bytes before the segment's last offset (its limit, or the top of the offset space when it grows down).</summary>
    private static Access NearTheEnd(SegmentationOptions options, Segment segment, ulong back, AccessType type)
    {
        var bits = options.EffectiveOffsetBits;
        var lastOffset = segment.GrowsDown ? ulong.MaxValue >> (64 - bits) : segment.Limit;
        var offset = lastOffset - Math.Min(back, lastOffset);
        return options.Mode == SegmentAddressing.TopBits
            ? new Access((segment.Selector << bits) | (offset & (ulong.MaxValue >> (64 - bits))), type)
            : new Access(offset, type, Selector: segment.Selector);
    }
}
