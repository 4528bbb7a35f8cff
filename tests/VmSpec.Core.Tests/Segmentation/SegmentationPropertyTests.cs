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
}
