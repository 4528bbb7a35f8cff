namespace VmSpec.Reports.Tests.Coverage;

/// <summary>
/// Each Sv39 rule is recognised from what the walk did: the fault reason, the entry the walk
/// stopped at, the settings in force and the TLB, in the cell of the level where the walk ended.
/// </summary>
public class Sv39ClassificationTests
{
    private static List<string> Cells(string settings, string steps) =>
        CoverageProbe.Cells("sv39", "sv39", $"description: probe\nmmu: [sv39]\n{settings}steps:\n{steps}");

    [Test]
    public void A_walk_to_a_fresh_page_translates_sets_a_and_the_next_access_hits()
    {
        var cells = Cells("", """
              - map: { va: 0x1000, pa: 0x8020_1000, perm: rw }
              - read: 0x1000
              - read: 0x1000
            """);

        Assert.That(cells, Is.EqualTo(new[] { "translate L0 U R", "walk-sets-a L0 U R", "tlb-hit L0 U R" }));
    }

    [Test]
    public void A_store_to_a_clean_page_records_that_the_walk_set_d()
    {
        var cells = Cells("", """
              - map: { va: 0x1000, pa: 0x8020_1000, perm: rw, accessed: true }
              - write: 0x1000
            """);

        Assert.That(cells, Is.EqualTo(new[] { "translate L0 U W", "walk-sets-d L0 U W" }));
    }

    [Test]
    public void A_load_split_across_a_page_and_a_megapage_records_both_walks()
    {
        var cells = Cells("requires: [superpages]\n", """
              - map: { va: 0x1F_F000, pa: 0x8020_1000, perm: r }
              - map: { va: 0x20_0000, pa: 0x8040_0000, size: 2MiB, perm: r }
              - load: { va: 0x1F_FFFC, size: 8 }
            """);

        Assert.That(cells, Is.EqualTo(new[] { "translate L0 U R", "walk-sets-a L0 U R", "translate L1 U R", "walk-sets-a L1 U R" }));
    }

    [TestCase("0x0", "invalid", TestName = "V clear at level 1")]
    [TestCase("0x5", "reserved-w-without-r", TestName = "W without R at level 1")]
    [TestCase("0x0040_0000_0000_0001", "reserved-bits", TestName = "Bit 54 on a level-1 pointer")]
    [TestCase("0x41", "pointer-a-d-u", TestName = "A on a level-1 pointer")]
    public void A_malformed_level_1_entry_lands_in_its_own_row(string value, string rule)
    {
        var cells = Cells("", $"""
              - pte: {"{"} va: 0x4000_0000, level: 1, value: {value} {"}"}
              - access: {"{"} va: 0x4000_0000, op: execute, mode: supervisor {"}"}
                expect: {"{"} fault: instruction-page-fault {"}"}
            """);

        Assert.That(cells, Is.EqualTo(new[] { $"{rule} L1 S X" }));
    }

    [TestCase("0xD5", 1, TestName = "W without R with D A U, which a pointer may not have either")]
    [TestCase("0x0040_0000_0000_0005", 1, TestName = "W without R with bit 54 set")]
    public void An_entry_reserved_for_two_reasons_proves_neither_and_lands_in_no_row(string value, int level)
    {
        var cells = Cells("", $"""
              - pte: {"{"} va: 0x4000_0000, level: {level}, value: {value} {"}"}
              - read: 0x4000_0000
                expect: {"{"} fault: load-page-fault, reason: reserved {"}"}
            """);

        Assert.That(cells, Is.Empty);
    }

    [Test]
    public void W_without_r_at_level_0_counts_since_read_as_a_pointer_there_it_would_fault_no_leaf()
    {
        var cells = Cells("", """
              - pte: { va: 0x4000_0000, level: 0, value: 0x5 }
              - read: 0x4000_0000
                expect: { fault: load-page-fault, reason: reserved }
            """);

        Assert.That(cells, Is.EqualTo(new[] { "reserved-w-without-r L0 U R" }));
    }

    [Test]
    public void A_pointer_at_level_0_and_a_misaligned_megapage_each_land_at_their_level()
    {
        var cells = Cells("requires: [superpages]\n", """
              - pte: { va: 0x1000, level: 0, value: 0x1 }
              - pte: { va: 0x4000_0000, level: 1, value: 0x2008_04D7 }
              - read: 0x1000
                expect: { fault: load-page-fault, reason: no-leaf }
              - write: 0x4000_1234
                expect: { fault: store-page-fault, reason: misaligned-superpage }
            """);

        Assert.That(cells, Is.EqualTo(new[] { "pointer-at-level-0 L0 U R", "misaligned-superpage L1 U W" }));
    }

    [Test]
    public void A_pointer_out_of_ram_is_an_access_fault_at_the_level_it_could_not_read()
    {
        // A level-2 pointer to PPN 0x1000 (pa 0x100_0000), below RAM at 0x8000_0000.
        var cells = Cells("", """
              - pte: { va: 0x1000, level: 2, value: 0x40_0001 }
              - read: 0x1000
                expect: { fault: load-access-fault }
            """);

        Assert.That(cells, Is.EqualTo(new[] { "pte-access-fault L1 U R" }));
    }

    [Test]
    public void A_load_or_store_through_a_leaf_outside_ram_is_charted_in_no_row()
    {
        // The first load walks to the leaf; the store and the second load use what the TLB cached.
        var cells = Cells("", """
              - map: { va: 0x1000, pa: 0x1_0000_0000, perm: rw, accessed: true, dirty: true }
              - load: { va: 0x1010, size: 8 }
                expect: { fault: load-access-fault }
              - store: { va: 0x1010, size: 8, value: 1 }
                expect: { fault: store-access-fault }
              - load: { va: 0x1010, size: 8 }
                expect: { fault: load-access-fault }
            """);

        // The walk read every entry from RAM: the frame outside it is a physical-memory check, not a
        // translation rule, neither a PTE access fault nor a hit that answered the access.
        Assert.That(cells, Is.Empty);
    }

    [Test]
    public void The_u_bit_sum_and_mxr_rules_are_told_apart()
    {
        var cells = Cells("", """
              - map: { va: 0x1000, pa: 0x8020_1000, perm: rwx, accessed: true, dirty: true }
              - map: { va: 0x2000, pa: 0x8020_2000, perm: rw, user: false, accessed: true }
              - map: { va: 0x3000, pa: 0x8020_3000, perm: x, accessed: true }
              - access: { va: 0x1000, op: read, mode: supervisor }
                expect: { fault: load-page-fault, reason: permission }
              - access: { va: 0x1000, op: write, mode: supervisor, sum: true }
              - access: { va: 0x1000, op: execute, mode: supervisor, sum: true }
                expect: { fault: instruction-page-fault, reason: permission }
              - read: 0x2000
                expect: { fault: load-page-fault, reason: permission }
              - read: 0x3000
                expect: { fault: load-page-fault, reason: permission }
              - access: { va: 0x3000, op: read, mxr: true }
            """);

        Assert.That(cells, Is.EqualTo(new[]
        {
            "s-mode-u-page L0 S R",
            "translate L0 S W", "sum-allows L0 S W",
            "sum-no-execute L0 S X",
            "u-mode-s-page L0 U R",
            "rwx-denied L0 U R",
            "translate L0 U R", "mxr-allows L0 U R",
        }));
    }

    [Test]
    public void A_load_from_a_page_that_is_readable_as_well_as_executable_owes_nothing_to_mxr()
    {
        var cells = Cells("", """
              - map: { va: 0x1000, pa: 0x8020_1000, perm: rx, accessed: true }
              - access: { va: 0x1000, op: read, mxr: true }
            """);

        // MXR only matters where R is clear: here the R bit alone lets the load through.
        Assert.That(cells, Is.EqualTo(new[] { "translate L0 U R" }));
    }

    [Test]
    public void A_supervisor_execute_of_a_user_page_with_sum_clear_is_s_mode_u_page_not_sum_no_execute()
    {
        var cells = Cells("", """
              - map: { va: 0x1000, pa: 0x8020_1000, perm: x, accessed: true }
              - access: { va: 0x1000, op: execute, mode: supervisor }
                expect: { fault: instruction-page-fault, reason: permission }
            """);

        // sum-no-execute is the rule SUM = 1 leaves in force; with SUM clear the U bit denies every S-mode access.
        Assert.That(cells, Is.EqualTo(new[] { "s-mode-u-page L0 S X" }));
    }

    [Test]
    public void A_fault_the_u_bit_and_r_w_x_would_each_cause_alone_proves_neither_and_lands_in_no_row()
    {
        var cells = Cells("", """
              - map: { va: 0x1000, pa: 0x8020_1000, perm: rw, accessed: true, dirty: true }
              - map: { va: 0x2000, pa: 0x8020_2000, perm: x, user: false, accessed: true }
              - access: { va: 0x1000, op: execute, mode: supervisor, sum: true }
                expect: { fault: instruction-page-fault, reason: permission }
              - access: { va: 0x1000, op: execute, mode: supervisor }
                expect: { fault: instruction-page-fault, reason: permission }
              - read: 0x2000
                expect: { fault: load-page-fault, reason: permission }
              - access: { va: 0x2000, op: read, mxr: true }
                expect: { fault: load-page-fault, reason: permission }
            """);

        // Not executable, and a U page in S mode; not readable, and an S page in U mode, until MXR makes X readable.
        Assert.That(cells, Is.EqualTo(new[] { "u-mode-s-page L0 U R" }));
    }

    [Test]
    public void Svade_faults_land_in_their_own_rows_and_the_walk_sets_nothing()
    {
        var cells = Cells("requires: [svade]\nsv39: { ad: fault }\n", """
              - map: { va: 0x1000, pa: 0x8020_1000, perm: rw }
              - map: { va: 0x2000, pa: 0x8020_2000, perm: rw, accessed: true }
              - read: 0x1000
                expect: { fault: load-page-fault, reason: not-accessed }
              - write: 0x2000
                expect: { fault: store-page-fault, reason: not-dirty }
              - read: 0x2000
            """);

        Assert.That(cells, Is.EqualTo(new[] { "svade-a-clear L0 U R", "svade-d-clear L0 U W", "translate L0 U R" }));
    }

    [Test]
    public void A_non_canonical_address_ends_before_any_level()
    {
        var cells = Cells("", """
              - write: 0x40_0000_0000
                expect: { fault: store-page-fault, reason: non-canonical }
            """);

        Assert.That(cells, Is.EqualTo(new[] { "non-canonical none U W" }));
    }

    [Test]
    public void A_global_entry_answering_in_another_address_space_counts_as_shared_but_an_own_entry_does_not()
    {
        var cells = Cells("requires: [asid]\n", """
              - map: { va: 0x2000, pa: 0x8020_2000, perm: r, global: true }
              - map: { va: 0x1000, pa: 0x8020_1000, perm: r, accessed: true }
              - read: 0x2000
              - read: 0x1000
              - space: { asid: 1 }
              - read: 0x2000
                expect: { pa: 0x8020_2000, tlb: hit }
              - space: { asid: 0 }
              - read: 0x2000
                expect: { tlb: hit }
            """);

        Assert.That(cells, Is.EqualTo(new[]
        {
            "translate L0 U R", "walk-sets-a L0 U R",
            "translate L0 U R",
            "tlb-hit L0 U R", "global-across-asids L0 U R",
            "tlb-hit L0 U R",
        }));
    }

    [Test]
    public void A_description_that_claims_a_rule_adds_no_point_for_it_without_a_walk_that_exercises_it()
    {
        var cells = CoverageProbe.Cells("sv39", "sv39", """
            description: >
              A misaligned megapage at level 1 raises a page fault, and an invalid PTE does too.
            spec: RISC-V Privileged, Sv39 walk step 6 (misaligned superpage) and step 3 (pte.v = 0)
            mmu: [sv39]
            tags: [misaligned, superpage, invalid]
            steps:
              - map: { va: 0x1000, pa: 0x8020_1000, perm: r }
              - read: 0x1000
            """);

        Assert.That(cells, Has.None.StartsWith("misaligned-superpage").And.None.StartsWith("invalid"));
        Assert.That(cells, Is.EqualTo(new[] { "translate L0 U R", "walk-sets-a L0 U R" }));
    }
}
