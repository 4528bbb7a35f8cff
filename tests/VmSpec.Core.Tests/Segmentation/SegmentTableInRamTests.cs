using VmSpec.Core.Memory;
using VmSpec.Core.Mmu;
using VmSpec.Core.Segmentation;
using static VmSpec.Core.Tests.Segmentation.SegmentationHarness;

namespace VmSpec.Core.Tests.Segmentation;

/// <summary>The table is simulated RAM: translation and the dump read it there, not a host copy.</summary>
public sealed class SegmentTableInRamTests
{
    [Test]
    public void The_table_is_taken_from_the_frame_allocator()
    {
        var unit = Explicit().With(new(1, 0x2000, 0x1FF, Rw));
        var frames = unit.Machine.Frames;

        Assert.That(unit.TableAddress, Is.EqualTo(unit.Machine.Memory.End - PhysicalMemory.FrameSize), "a fresh allocator hands out the top frame");
        Assert.That(frames.IsFree(unit.TableAddress), Is.False);
        Assert.That(frames.UsedFrames, Is.EqualTo(1));
        Assert.That(unit.TableCapacity, Is.EqualTo(256), "16-byte descriptors, one 4 KiB frame");
    }

    [Test]
    public void Clearing_a_descriptor_in_ram_undefines_its_selector()
    {
        var unit = Explicit().With(new(1, 0x2000, 0x1FF, Rw));

        unit.Machine.Memory.TryWriteUInt64(unit.TableAddress + 16, 0);

        AssertFaults(unit.At(1, 0), FaultReason.Selector);
    }

    [Test]
    public void A_raw_descriptor_reaching_past_2_pow_56_faults_at_the_limit_instead_of_wrapping()
    {
        var unit = Explicit().With(new(0, 0, 0xFF, Rw));
        const ulong validReadWrite = 0x07UL << 56;

        unit.Machine.Memory.TryWriteUInt64(unit.TableAddress, validReadWrite | ((1UL << 56) - 0x10));
        unit.Machine.Memory.TryWriteUInt64(unit.TableAddress + 8, 0xFF);

        AssertTranslates(unit.At(0, 0xF), (1UL << 56) - 1);
        AssertFaults(unit.At(0, 0x10), FaultReason.Limit);
    }

    [Test]
    public void A_raw_descriptor_whose_base_plus_offset_passes_2_pow_64_faults_at_the_limit_instead_of_wrapping()
    {
        // Start 2^56 - 0x10 with a 64-bit limit: offset 0xff00_0000_0000_0030 lands at 2^64 + 0x20, far past 2^56.
        var unit = Explicit(offsetBits: 64).With(new(0, 0, 0xFF, Rw));
        const ulong validReadWrite = 0x07UL << 56;

        unit.Machine.Memory.TryWriteUInt64(unit.TableAddress, validReadWrite | ((1UL << 56) - 0x10));
        unit.Machine.Memory.TryWriteUInt64(unit.TableAddress + 8, ulong.MaxValue);

        AssertFaults(unit.At(0, 0xFF00_0000_0000_0030), FaultReason.Limit);
    }

    [Test]
    public void A_translation_reports_the_descriptor_it_read()
    {
        var unit = Explicit(traceWalks: true).With(new(2, 0x2000, 0x1FF, Rw));

        var step = unit.At(2, 0x10).Walk!.Steps.Single();

        Assert.That(step, Is.EqualTo(new WalkStep(0, 2, unit.TableAddress + 32, 0x0700_0000_0000_2000, "SEG")));
    }

    [Test]
    public void Each_descriptor_read_counts_one_walk_and_one_pte_read_and_never_a_tlb_lookup()
    {
        var unit = Explicit().With(new(0, 0x2000, 0x1FF, Rw));

        unit.At(0, 0);
        unit.At(0, 0x200);
        unit.At(7, 0);
        unit.At(0x1_0000, 0);

        Assert.That((unit.Counters.Walks, unit.Counters.PteReads), Is.EqualTo((3L, 3L)), "the selector past the table reads nothing");
        Assert.That((unit.Counters.TlbHits, unit.Counters.TlbMisses), Is.EqualTo((0L, 0L)));
    }

    [Test]
    public void A_fault_before_the_table_is_read_has_no_walk_and_level_minus_one()
    {
        var translation = TopBits(14, 2).With(new(0, 0, 0xFF, Rw)).AtAddress(0x4000);

        Assert.That((translation.Walk, translation.Level), Is.EqualTo(((Walk?)null, -1)));
    }

    [Test]
    public void A_translation_gives_the_segment_size_as_its_page_size() =>
        Assert.That(Explicit().With(new(0, 0x2000, 0x1FF, Rw)).At(0, 0).PageSize, Is.EqualTo(0x200));

    [Test]
    public void A_raw_descriptor_of_2_pow_64_bytes_reports_the_largest_page_size_not_zero()
    {
        // A 64-bit flat limit in RAM: its size, 2^64, does not fit in PageSize, which saturates rather than wrapping to 0.
        var unit = Explicit(offsetBits: 64).With(new(0, 0, 0xFF, Rw));

        unit.Machine.Memory.TryWriteUInt64(unit.TableAddress + 8, ulong.MaxValue);

        Assert.That(unit.At(0, 0x10).PageSize, Is.EqualTo(ulong.MaxValue));
    }

    [Test]
    public void Growing_the_table_copies_the_descriptors_and_frees_the_old_frames()
    {
        var unit = Explicit().With(new(1, 0x2000, 0x1FF, Rw));
        var oldTable = unit.TableAddress;

        unit.With(new(300, 0x9000, 0xF, Rw));

        Assert.That(unit.TableCapacity, Is.EqualTo(512));
        Assert.That(unit.Machine.Frames.IsFree(oldTable), Is.True);
        Assert.That(unit.Machine.Frames.UsedFrames, Is.EqualTo(2));
        AssertTranslates(unit.At(1, 0xFF), 0x20FF);
        AssertTranslates(unit.At(300, 0xF), 0x900F);
    }

    [Test]
    public void An_undefined_selector_inside_the_table_faults_at_level_0_and_one_past_it_at_level_minus_one()
    {
        // The first was read from RAM (a descriptor without its valid bit); the second had nothing to read.
        var unit = Explicit().With(new(0, 0x1000, 0xFF, Rw)).With(new(2, 0x3000, 0xFF, Rw));

        var inside = unit.At(1, 0);
        var past = unit.At(unit.TableCapacity, 0);

        AssertFaults(inside, FaultReason.Selector);
        AssertFaults(past, FaultReason.Selector);
        Assert.That((inside.Level, past.Level), Is.EqualTo((0, -1)));
    }

    [Test]
    public void The_selector_just_past_the_table_reads_nothing()
    {
        var unit = Explicit().With(new(0, 0x1000, 0xFF, Rw));

        var translation = unit.At(unit.TableCapacity, 0);

        AssertFaults(translation, FaultReason.Selector);
        Assert.That((unit.Counters.Walks, unit.Counters.PteReads), Is.EqualTo((0L, 0L)));
    }

    [Test]
    public void A_down_segment_descriptor_holds_its_lowest_byte_and_the_grows_down_flag()
    {
        var unit = Explicit(offsetBits: 12).With(new(3, 0x7000, 0x7FF, Rw, GrowsDown: true));
        var at = unit.TableAddress + 3 * 16;

        unit.Machine.Memory.TryReadUInt64(at, out var word0);
        unit.Machine.Memory.TryReadUInt64(at + 8, out var word1);

        // Flags valid (bit 0), r (1), w (2) and grows down (4) over the lowest byte, base - size.
        Assert.That(word0, Is.EqualTo(0x17UL << 56 | 0x6800), $"word 0 0x{word0:x}");
        Assert.That(word1, Is.EqualTo(0x7FFUL), "the limit, size - 1");
    }
}
