namespace VmSpec.Scenarios.Tests;

public class SettingsTests
{
    private const string Minimal = "description: Reads fault.\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n    expect: { fault: load-page-fault }\n";

    [Test]
    public void Defaults_follow_the_format()
    {
        var scenario = Yaml.Valid(Minimal);
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Description, Is.EqualTo("Reads fault."));
            Assert.That(scenario.Spec, Is.Null);
            Assert.That(scenario.Requires, Is.Empty);
            Assert.That(scenario.Tags, Is.Empty);
            Assert.That(scenario.Memory, Is.EqualTo(new MemorySettings(0x8000_0000, 16UL << 20, false)));
            Assert.That(scenario.Paging, Is.EqualTo(new PagingSettings(4096, 32, false)));
            Assert.That(scenario.Segmentation, Is.EqualTo(new SegmentationSettings(SegmentationMode.Explicit, 0, 0, 32, false)));
            Assert.That(scenario.Sv39, Is.EqualTo(new Sv39Settings(AccessDirtyPolicy.Hardware, false, false, false)));
            Assert.That(scenario.Tlb, Is.EqualTo(new TlbSettings(64, null, true, false)));
            Assert.That(scenario.Kernel, Is.EqualTo(new KernelSettings(0, false)));
        });
    }

    [Test]
    public void Every_section_is_read()
    {
        var yaml = """
            # yaml-language-server: $schema=../scenario.schema.json
            description: All sections.
            spec: RISC-V Privileged, 4.3.2
            mmu: [sv39, single-level, sv48]
            requires: [superpages, asid]
            tags: [smoke, v1.2]
            memory: { base: 0x1000_0000, size: 64MiB }
            paging: { page-size: 16KiB, va-bits: 30 }
            segmentation: { mode: top-bits, address-bits: 16, selector-bits: 2 }
            sv39: { ad: fault, sum: true, mxr: true }
            tlb: { entries: 32, ways: 4, asid: false }
            kernel: { swap: 1MiB }
            steps:
              - read: 0x1000
            """;
        var scenario = Yaml.Valid(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Spec, Is.EqualTo("RISC-V Privileged, 4.3.2"));
            Assert.That(scenario.Mmu, Is.EqualTo(EquatableArray.Create("sv39", "single-level", "sv48")));
            Assert.That(scenario.Requires, Is.EqualTo(EquatableArray.Create("superpages", "asid")));
            Assert.That(scenario.Tags, Is.EqualTo(EquatableArray.Create("smoke", "v1.2")));
            Assert.That(scenario.Memory, Is.EqualTo(new MemorySettings(0x1000_0000, 64UL << 20, true)));
            Assert.That(scenario.Paging, Is.EqualTo(new PagingSettings(16384, 30, true)));
            Assert.That(scenario.Segmentation, Is.EqualTo(new SegmentationSettings(SegmentationMode.TopBits, 16, 2, 14, true)));
            Assert.That(scenario.Sv39, Is.EqualTo(new Sv39Settings(AccessDirtyPolicy.Fault, true, true, true)));
            Assert.That(scenario.Tlb, Is.EqualTo(new TlbSettings(32, 4, false, true)));
            Assert.That(scenario.Kernel, Is.EqualTo(new KernelSettings(1UL << 20, true)));
        });
    }

    [Test]
    public void A_section_given_in_part_keeps_the_defaults_of_the_keys_it_leaves_out()
    {
        var yaml = """
            description: d
            mmu: [sv39, segmentation]
            memory: { base: 0x1000_0000 }
            segmentation: { mode: explicit }
            sv39: { sum: true }
            tlb: { entries: 2 }
            steps:
              - read: 0x1000
            """;
        var scenario = Yaml.Valid(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Memory, Is.EqualTo(new MemorySettings(0x1000_0000, 16UL << 20, true)));
            Assert.That(scenario.Segmentation, Is.EqualTo(new SegmentationSettings(SegmentationMode.Explicit, 0, 0, 32, true)));
            Assert.That(scenario.Sv39, Is.EqualTo(new Sv39Settings(AccessDirtyPolicy.Hardware, true, false, true)));
            Assert.That(scenario.Tlb, Is.EqualTo(new TlbSettings(2, null, true, true)));
        });
    }

    [Test]
    public void A_section_that_writes_only_default_values_is_still_explicit()
    {
        var scenario = Yaml.Valid("description: d\nmmu: [sv39]\nkernel: { swap: 0 }\nsteps:\n  - read: 0x1000\n");
        Assert.That(scenario.Kernel, Is.EqualTo(new KernelSettings(0, true)));
    }

    [Test]
    public void Mxr_alone_leaves_sum_off()
    {
        var scenario = Yaml.Valid("description: d\nmmu: [sv39]\nsv39: { mxr: true }\nsteps:\n  - read: 0x1000\n");
        Assert.That(scenario.Sv39, Is.EqualTo(new Sv39Settings(AccessDirtyPolicy.Hardware, false, true, true)));
    }

    [Test]
    public void Memory_mapping_with_only_a_size_has_the_default_base()
    {
        var scenario = Yaml.Valid("description: d\nmmu: [sv39]\nmemory: { size: 1MiB }\nsteps:\n  - read: 0x1000\n");
        Assert.That(scenario.Memory, Is.EqualTo(new MemorySettings(0x8000_0000, 1UL << 20, true)));
    }

    [Test]
    public void Memory_may_end_exactly_at_the_top_of_56_bit_physical_addresses()
    {
        // Its last byte is 2^56 - 1, still below 2^56.
        var scenario = Yaml.Valid("description: d\nmmu: [sv39]\nmemory: { base: 0xFF_FFFF_FFFF_E000, size: 8KiB }\nsteps:\n  - read: 0x1000\n");
        Assert.That(scenario.Memory.Base + scenario.Memory.Size, Is.EqualTo(1UL << 56));
    }

    [Test]
    public void Requires_and_tags_may_be_empty_lists()
    {
        // Of the lists only mmu and steps must not be empty.
        var scenario = Yaml.Valid("description: d\nmmu: [sv39]\nrequires: []\ntags: []\nsteps:\n  - read: 0x1000\n");
        Assert.That((scenario.Requires, scenario.Tags), Is.EqualTo((EquatableArray<string>.Empty, EquatableArray<string>.Empty)));
    }

    [Test]
    public void Memory_may_be_just_a_size()
    {
        var scenario = Yaml.Valid("description: d\nmmu: [sv39]\nmemory: 1MiB\nsteps:\n  - read: 0x1000\n");
        Assert.That(scenario.Memory, Is.EqualTo(new MemorySettings(0x8000_0000, 1UL << 20, true)));
    }

    [Test]
    public void Explicit_segmentation_has_offset_bits()
    {
        var scenario = Yaml.Valid("description: d\nmmu: [segmentation]\nsegmentation: { mode: explicit, offset-bits: 12 }\nsteps:\n  - read: \"0:0xFFF\"\n");
        Assert.That(scenario.Segmentation, Is.EqualTo(new SegmentationSettings(SegmentationMode.Explicit, 0, 0, 12, true)));
    }

    [Test]
    public void Plugin_mmu_kinds_are_accepted_without_a_diagnostic()
    {
        var scenario = Yaml.Valid("description: d\nmmu: [sv48]\nsteps:\n  - map: { va: 0x1000, perm: r }\n  - segment: { selector: 1, base: 0, size: 4KiB, perm: r }\n");
        Assert.That(scenario.Mmu, Is.EqualTo(EquatableArray.Create("sv48")));
    }

    [TestCase("page-size: 4", "VMS0027")]
    [TestCase("page-size: 128KiB", "VMS0027")]
    [TestCase("page-size: 8, va-bits: 65", "VMS0028")]
    public void Paging_limits(string paging, string id)
    {
        Assert.That(Yaml.Ids($"description: d\nmmu: [single-level]\npaging: {{ {paging} }}\nsteps:\n  - read: 0x1000\n"), Is.EqualTo(new[] { id }));
    }

    [Test]
    public void Smallest_and_largest_page_sizes_are_valid()
    {
        Assert.That(Yaml.Valid("description: d\nmmu: [single-level]\npaging: { page-size: 8, va-bits: 12 }\nsteps:\n  - read: 0x1000\n").Paging.PageSize, Is.EqualTo(8));
        Assert.That(Yaml.Valid("description: d\nmmu: [single-level]\npaging: { page-size: 64KiB, va-bits: 32 }\nsteps:\n  - read: 0x10000\n").Paging.PageSize, Is.EqualTo(65536));
    }

    [TestCase("entries: 0", "VMS0008")]
    [TestCase("entries: 48, ways: 4", "VMS0030")]
    [TestCase("entries: 64, ways: 0", "VMS0008")]
    [TestCase("entries: 65537", "VMS0008")]
    [TestCase("entries: 64, ways: 65537", "VMS0008")]
    [TestCase("asid: 1", "VMS0010")]
    public void Tlb_geometry(string tlb, string id)
    {
        Assert.That(Yaml.Ids($"description: d\nmmu: [sv39]\ntlb: {{ {tlb} }}\nsteps:\n  - read: 0x1000\n"), Is.EqualTo(new[] { id }));
    }

    [TestCase("{ mode: top-bits, address-bits: 16 }", "VMS0005")]
    [TestCase("{ mode: top-bits, address-bits: 65, selector-bits: 4 }", "VMS0029")]
    [TestCase("{ mode: top-bits, address-bits: 16, selector-bits: 0 }", "VMS0029")]
    [TestCase("{ mode: top-bits, address-bits: 16, selector-bits: 2, offset-bits: 14 }", "VMS0037")]
    [TestCase("{ offset-bits: 16, address-bits: 16 }", "VMS0037")]
    [TestCase("{ offset-bits: 0 }", "VMS0029")]
    [TestCase("{ mode: flat }", "VMS0011")]
    [TestCase("[explicit]", "VMS0002")]
    public void Segmentation_settings(string segmentation, string id)
    {
        Assert.That(Yaml.Ids($"description: d\nmmu: [segmentation]\nsegmentation: {segmentation}\nsteps:\n  - read: \"0:0\"\n"), Is.EqualTo(new[] { id }));
    }

    [TestCase("memory: { size: 0 }", "VMS0008")]
    [TestCase("memory: { size: 6000 }", "VMS0025")]
    [TestCase("memory: 6KiB", "VMS0025")]
    [TestCase("memory: [1]", "VMS0002")]
    [TestCase("sv39: { ad: software }", "VMS0011")]
    [TestCase("kernel: { swap: lots }", "VMS0009")]
    [TestCase("requires: [Super Pages]", "VMS0033")]
    [TestCase("tags: [\"two words\"]", "VMS0033")]
    [TestCase("tags: [_draft]", "VMS0033")]
    [TestCase("tags: smoke", "VMS0002")]
    [TestCase("spec: \"  \"", "VMS0032")]
    [TestCase("colour: blue", "VMS0003")]
    public void Other_top_level_checks(string line, string id)
    {
        Assert.That(Yaml.Ids($"description: d\nmmu: [sv39]\n{line}\nsteps:\n  - read: 0x1000\n"), Is.EqualTo(new[] { id }));
    }

    [TestCase("memory: 2048GiB", 9, "0x20000000000 for 'memory'")]
    [TestCase("memory: { base: 0x0, size: 1025GiB }", 28, "0x10040000000 for 'size'")]
    public void Memory_larger_than_the_machine_builds_is_refused_at_its_size(string line, int column, string found)
    {
        var diagnostic = Yaml.Parse($"description: d\nmmu: [sv39]\n{line}\nsteps:\n  - read: 0x1000\n").Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Line, diagnostic.Column), Is.EqualTo(("VMS0008", 3, column)));
        Assert.That(diagnostic.Message, Does.Contain(found).And.Contain("at most 1 TiB"));
    }

    [Test]
    public void Memory_of_exactly_1_TiB_is_the_largest_accepted()
    {
        var scenario = Yaml.Valid("description: d\nmmu: [sv39]\nmemory: 1024GiB\nsteps:\n  - read: 0x1000\n");
        Assert.That(scenario.Memory.Size, Is.EqualTo(1UL << 40));
    }

    [Test]
    public void Mmu_must_be_a_non_empty_list()
    {
        Assert.That(Yaml.Ids("description: d\nmmu: []\nsteps:\n  - read: 0x1000\n"), Is.EqualTo(new[] { "VMS0032" }));
        Assert.That(Yaml.Ids("description: d\nmmu: sv39\nsteps:\n  - read: 0x1000\n"), Is.EqualTo(new[] { "VMS0002" }));
    }

    [Test]
    public void Section_key_order_does_not_matter()
    {
        // steps before mmu: the kind checks still see the mmu list.
        var yaml = "steps:\n  - map: { va: 0x1000, perm: r }\nmmu: [segmentation]\ndescription: d\n";
        Assert.That(Yaml.Ids(yaml), Is.EqualTo(new[] { "VMS0038" }));
    }
}
