namespace VmSpec.Scenarios.Tests;

public class AddressTests
{
    [Test]
    public void A_number_is_a_literal_address()
    {
        var step = (AccessStep)Yaml.Step("read: 0x4000_1234");
        Assert.That(step.Address, Is.EqualTo(new LiteralAddress(0x4000_1234)));
    }

    [TestCase("\"0x1:0xFF\"", 1UL, 0xFFUL)]
    [TestCase("0x1:0xFF", 1UL, 0xFFUL)]
    [TestCase("'3:16'", 3UL, 16UL)]
    public void Sel_colon_offset_is_a_segmented_address(string text, ulong selector, ulong offset)
    {
        var step = (AccessStep)Yaml.Step("read: " + text, mmu: "segmentation");
        Assert.That(step.Address, Is.EqualTo(new SegmentedAddress(selector, offset)));
    }

    [Test]
    public void Access_address_key_takes_the_segmented_form()
    {
        var step = (AccessStep)Yaml.Step("access: { address: \"0x2:0x10\", op: write, mode: supervisor }", mmu: "segmentation");
        Assert.That(step, Is.EqualTo(new AccessStep(step.Span, new SegmentedAddress(2, 0x10), AccessOp.Write, PrivilegeMode.Supervisor, null, null, null)));
    }

    [Test]
    public void Clock_is_predefined_and_takes_an_offset()
    {
        var scenario = Yaml.Valid(Yaml.Header + "  - spawn: { pid: 1 }\n  - load: { pid: 1, va: clock }\n  - load: { pid: 1, va: clock+8, size: 4 }\n");
        Assert.That(((LoadStep)scenario.Steps[1]).Va, Is.EqualTo(new NamedAddress("clock", 0)));
        Assert.That(((LoadStep)scenario.Steps[2]).Va, Is.EqualTo(new NamedAddress("clock", 8)));
    }

    [Test]
    public void Names_bound_by_as_are_usable_in_later_steps_only()
    {
        var yaml = Yaml.Header +
            "  - spawn: { pid: 1 }\n" +
            "  - sbrk: { pid: 1, bytes: 8KiB, as: heap }\n" +
            "  - store: { pid: 1, va: heap+0x10, value: 7 }\n" +
            "  - mmap: { pid: 1, length: 4KiB, perm: rw, as: buf_2 }\n" +
            "  - munmap: { pid: 1, va: buf_2, length: 4KiB }\n";
        var scenario = Yaml.Valid(yaml);
        Assert.That(((StoreStep)scenario.Steps[2]).Va, Is.EqualTo(new NamedAddress("heap", 0x10)));
        Assert.That(((MunmapStep)scenario.Steps[4]).Va, Is.EqualTo(new NamedAddress("buf_2", 0)));

        var early = Yaml.Header + "  - spawn: { pid: 1 }\n  - store: { pid: 1, va: heap, value: 7 }\n  - sbrk: { pid: 1, bytes: 8KiB, as: heap }\n";
        Assert.That(Yaml.Ids(early), Is.EqualTo(new[] { "VMS0016" }));
    }

    [TestCase("sbrk: { pid: 1, bytes: 4KiB, as: heap }\n    expect: { value: heap }")]
    [TestCase("mmap: { pid: 1, length: 4KiB, perm: r, as: heap }\n    expect: { va: heap }")]
    public void A_name_is_not_bound_yet_in_the_expect_of_the_step_that_binds_it(string step)
    {
        // The name stands for what the step returns, which its own expect is there to check.
        var diagnostic = Yaml.Parse(Yaml.Header + "  - " + step + "\n").Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Line), Is.EqualTo(("VMS0016", 5)));
    }

    [Test]
    public void A_name_may_be_bound_again_and_the_latest_wins()
    {
        var yaml = Yaml.Header + "  - spawn: { pid: 1 }\n  - sbrk: { pid: 1, bytes: 4KiB, as: top }\n  - sbrk: { pid: 1, bytes: 4KiB, as: top }\n  - read: top\n";
        Assert.That(Yaml.Parse(yaml).Diagnostics, Is.Empty);
    }

    [TestCase("9lives", "VMS0033")]
    [TestCase("a b", "VMS0033")]
    [TestCase("clock", "VMS0040")]
    public void As_names_are_checked(string name, string id)
    {
        var yaml = Yaml.Header + $"  - mmap: {{ pid: 1, length: 4KiB, perm: r, as: \"{name}\" }}\n";
        Assert.That(Yaml.Ids(yaml), Is.EqualTo(new[] { id }));
    }

    [TestCase("read: \"0x1:\"", "VMS0015")]
    [TestCase("read: \":5\"", "VMS0015")]
    [TestCase("read: heap+", "VMS0015")]
    [TestCase("read: \"-5\"", "VMS0015")]
    [TestCase("map: { va: \"0x1:0x2\", perm: r }", "VMS0015")]
    [TestCase("access: { address: heap, op: read }", "VMS0015")]
    [TestCase("read: clock+0x1_0000_0000_0000_0000", "VMS0007")]
    public void Malformed_addresses_are_reported(string step, string id)
    {
        Assert.That(Yaml.Ids(Yaml.Header + "  - " + step + "\n"), Is.EqualTo(new[] { id }));
    }

    [Test]
    public void Segmented_offsets_must_fit_the_offset_bits()
    {
        var explicitMode = "description: d\nmmu: [segmentation]\nsegmentation: { offset-bits: 8 }\nsteps:\n  - read: \"0x1:0x100\"\n";
        var diagnostic = Yaml.Parse(explicitMode).Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Message), Is.EqualTo(("VMS0008", "Offset 0x100 for 'read' is out of range; expected less than 2^8 (offset-bits)")));
    }

    private const string TopBits = "description: d\nmmu: [segmentation]\nsegmentation: { mode: top-bits, address-bits: 16, selector-bits: 2 }\nsteps:\n";

    [TestCase("read: \"0x1:0x10\"", 11)]
    [TestCase("execute: \"0x4:0x0\"", 14)]
    [TestCase("access: { address: \"1:0\", op: read }", 24)]
    [TestCase("load: { va: \"0x1:0x10\" }", 17)]
    public void Sel_colon_offset_is_refused_in_top_bits_mode(string step, int column)
    {
        // The machine reads a top-bits address whole, so a selector written apart names no segment.
        var diagnostic = Yaml.Parse(TopBits + "  - " + step + "\n").Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Line, diagnostic.Column), Is.EqualTo(("VMS0015", 5, column)));
        Assert.That(diagnostic.Message, Does.Contain("a plain address").And.Contain("top-bits"));
    }

    [Test]
    public void A_plain_address_is_read_in_top_bits_mode()
    {
        var step = (AccessStep)Yaml.Valid(TopBits + "  - read: 0x4010\n").Steps.Single();
        Assert.That(step.Address, Is.EqualTo(new LiteralAddress(0x4010)));
    }

    [TestCase("read: 0x10", 11, "\"SEL:OFFSET\"")]
    [TestCase("write: clock", 12, "\"SEL:OFFSET\"")]
    [TestCase("access: { va: 0x10, op: read }", 19, "'address'")]
    [TestCase("store: { va: 0x10, value: 1 }", 18, "\"SEL:OFFSET\"")]
    public void A_plain_address_is_refused_in_explicit_mode_on_segmentation_alone(string step, int column, string expected)
    {
        // Without a paging kind nothing reads a plain address, and explicit mode has no selector in it.
        var diagnostic = Yaml.Parse("description: d\nmmu: [segmentation]\nsteps:\n  - " + step + "\n").Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Line, diagnostic.Column), Is.EqualTo(("VMS0015", 4, column)));
        Assert.That(diagnostic.Message, Does.Contain(expected).And.Contain("explicit"));
    }

    [TestCase("sv39, segmentation")]
    [TestCase("segmentation, sv48")]
    public void A_plain_address_is_kept_for_a_kind_that_may_page_beside_explicit_segmentation(string kinds)
    {
        Yaml.Valid($"description: d\nmmu: [{kinds}]\nsteps:\n  - read: 0x1000\n  - read: \"0x1:0x10\"\n");
    }

    [Test]
    public void Address_expressions_print_readably()
    {
        Assert.That(new LiteralAddress(0x1000).ToString(), Is.EqualTo("0x1000"));
        Assert.That(new SegmentedAddress(1, 0xff).ToString(), Is.EqualTo("0x1:0xff"));
        Assert.That(new NamedAddress("heap", 0x10).ToString(), Is.EqualTo("heap+0x10"));
        Assert.That(new NamedAddress("clock", 0).ToString(), Is.EqualTo("clock"));
    }
}
