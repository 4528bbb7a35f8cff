namespace VmSpec.Reports.Tests.Coverage;

/// <summary>Single-level and segmentation record their own rules, placed by page size and by segment direction.</summary>
public class OtherKindsClassificationTests
{
    [TestCase("8", "<4KiB", 0x10UL, TestName = "An 8-byte page is a small page")]
    [TestCase("4KiB", "4KiB", 0x1000UL, TestName = "A 4 KiB page")]
    [TestCase("64KiB", ">4KiB", 0x1_0000UL, TestName = "A 64 KiB page is a large page")]
    public void Single_level_places_by_the_mmus_page_size(string pageSize, string place, ulong va)
    {
        var cells = CoverageProbe.Cells("single-level", "single-level", $$"""
            description: probe
            mmu: [single-level]
            paging: { page-size: {{pageSize}}, va-bits: 20 }
            steps:
              - map: { va: {{va}}, pa: 0x8020_0000, perm: r }
              - read: {{va}}
              - read: {{va}}
              - write: {{va}}
                expect: { fault: store-page-fault, reason: permission }
              - read: 0x10_0000
                expect: { fault: load-page-fault, reason: out-of-range }
            """);

        Assert.That(cells, Is.EqualTo(new[]
        {
            $"translate {place} any R", $"tlb-hit {place} any R", $"permission {place} any W", $"out-of-range {place} any R",
        }));
    }

    [Test]
    public void A_pointer_shaped_entry_in_a_single_level_table_is_charted_as_reserved()
    {
        // V alone: a pointer with no level left to point to, which the format's reserved row names.
        var cells = CoverageProbe.Cells("single-level", "single-level", """
            description: probe
            mmu: [single-level]
            steps:
              - pte: { va: 0x1000, level: 0, value: 0x200C_0001 }
              - read: 0x1000
                expect: { fault: load-page-fault, reason: no-leaf }
            """);

        Assert.That(cells, Is.EqualTo(new[] { "reserved 4KiB any R" }));
    }

    [Test]
    public void Segmentation_places_by_the_direction_of_the_segment_it_read()
    {
        var cells = CoverageProbe.Cells("segmentation", "segmentation", """
            description: probe
            mmu: [segmentation]
            segmentation: { mode: explicit, offset-bits: 16 }
            steps:
              - segment: { selector: 0x1, base: 0x8004_0000, size: 0x100, perm: r }
              - segment: { selector: 0x2, base: 0x8005_0000, size: 0x100, perm: rw, grows: down }
              - read: "0x1:0x10"
              - write: "0x1:0x10"
                expect: { fault: segmentation-fault, reason: permission }
              - write: "0x2:0xFF00"
              - execute: "0x2:0x0"
                expect: { fault: segmentation-fault, reason: limit }
              - read: "0x3:0x0"
                expect: { fault: segmentation-fault, reason: selector }
            """);

        Assert.That(cells, Is.EqualTo(new[]
        {
            "translate up any R", "permission up any W", "translate down any W", "limit down any X", "selector none any R",
        }));
    }
}
