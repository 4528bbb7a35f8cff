namespace VmSpec.Scenarios.Tests;

/// <summary>VMS0001 tells the author what is wrong in YAML's terms and where it began, never the YAML library's internals.</summary>
public class YamlSyntaxTests
{
    [TestCase("description: d\nmmu: [sv39\nsteps:\n  - read: 1\n", 2, 6, "flow sequence", "']'")]
    [TestCase("description: d\nmmu: [sv39", 2, 6, "flow sequence", "']'")]
    [TestCase("description: d\nmmu: [sv39,\n  sv48\n", 2, 6, "flow sequence", "']'")]
    [TestCase("description: d\nmmu: [sv39, [a, b]\n", 2, 6, "flow sequence", "']'")]
    [TestCase("description: d\nsv39: { ad: fault\nmmu: [sv39]\n", 2, 7, "flow mapping", "'}'")]
    [TestCase("description: d\nsv39: { ad: [fault }\n", 2, 13, "flow sequence", "']'")]
    public void An_unterminated_flow_collection_is_reported_at_its_opening_bracket(string yaml, int line, int column, string collection, string closer)
    {
        var diagnostic = Yaml.Parse(yaml).Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Line, diagnostic.Column), Is.EqualTo(("VMS0001", line, column)), diagnostic.ToString());
        Assert.That(diagnostic.Message, Does.Contain("unterminated " + collection).And.Contain(closer));
        Assert.That(diagnostic.Span.Length, Is.EqualTo(1), "the span is the bracket");
    }

    [TestCase("description: d\nmmu: [sv39]\nsteps:\n  - map: { va: &a 0x1000, perm: r }\n  - read: *a\n", 4, "write that mapping in block style", TestName = "An anchor in a flow mapping is told to go block style")]
    [TestCase("description: \"abc\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n", 1, "is a closing quote missing?", TestName = "An unclosed quote is named as one")]
    [TestCase("description: d\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n      expect: { fault: load-page-fault }\n", 5, "indented deeper than the key it belongs to", TestName = "A line indented too far is named as one")]
    [TestCase("description: t: u\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n", 1, "a value holding ': ' needs quotes", TestName = "A value with a colon in it is told to take quotes")]
    [TestCase("description: d\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n    expect: { fault: load-page-fault: x }\n", 5, "a value holding ': ' needs quotes", TestName = "A flow mapping's value with a colon in it is told to take quotes")]
    [TestCase("description: d\nmmu: [sv39]\nsteps:\n  - map: { va: 0x1000 pa: 0x8020_0000, size: 4KiB, perm: r }\n", 4, "is a ',' missing between two entries?", TestName = "A comma left out of a flow mapping is named as one")]
    [TestCase("description: d\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n  expect: { fault: load-page-fault }\n", 5, "line its key up with the key after the '-'", TestName = "A line indented less than its list item is named as one")]
    public void A_common_mistake_gets_a_hint_after_the_parser_s_words(string yaml, int line, string hint)
    {
        var diagnostic = Yaml.Parse(yaml).Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Line), Is.EqualTo(("VMS0001", line)));
        Assert.That(diagnostic.Message, Does.Contain(hint));
    }

    [TestCase("\n")]
    [TestCase("\r\n")]
    [TestCase("\r")]
    public void A_hint_reads_only_the_line_of_the_error_whatever_ends_the_lines(string eol)
    {
        // The '{' of the sv39 line, read as part of the bad line, would make this look like a missing comma.
        var yaml = string.Join(eol, "description: d", "mmu: [sv39]", "sv39: { ad: fault }", "steps:", "  - read: 0x1000", "    expect: { fault: load-page-fault: x }", "");
        var diagnostic = Yaml.Parse(yaml).Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Line), Is.EqualTo(("VMS0001", 6)));
        Assert.That(diagnostic.Message, Does.Contain("a value holding ': ' needs quotes").And.Not.Contain("missing"));
    }

    [Test]
    public void A_closed_flow_collection_with_a_later_error_keeps_the_error_where_it_is()
    {
        var diagnostic = Yaml.Parse("description: d\nmmu: [sv39]\nsteps: 'abc\n").Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Line), Is.EqualTo(("VMS0001", 3)));
        Assert.That(diagnostic.Message, Does.Not.Contain("unterminated flow"));
    }

    [Test]
    public void An_alias_inside_the_node_it_names_is_a_recursive_alias()
    {
        var diagnostic = Yaml.Parse("description: d\nmmu: [sv39]\nsteps: &s\n  - read: *s\n").Diagnostics.First();
        Assert.That((diagnostic.Id, diagnostic.Line, diagnostic.Column), Is.EqualTo(("VMS0001", 4, 11)));
        Assert.That(diagnostic.Message, Does.Contain("recursive alias").And.Contain("'s'").And.Not.Contain("no anchor"));
    }

    [Test]
    public void An_alias_names_the_latest_anchor_of_its_name()
    {
        // The inner anchor comes after the outer one, so *a is the scalar, not the open list.
        var scenario = Yaml.Valid("description: d\nmmu: [sv39]\nsteps: &a\n  - read: &a 0x1000\n  - write: *a\n");
        Assert.That(((AccessStep)scenario.Steps[1]).Address, Is.EqualTo(new LiteralAddress(0x1000)));
    }

    [Test]
    public void An_alias_to_no_anchor_says_so()
    {
        var diagnostic = Yaml.Parse("description: d\nmmu: [sv39]\nsteps:\n  - read: *nope\n").Diagnostics.First();
        Assert.That(diagnostic.Message, Does.Contain("no anchor 'nope'"));
    }

    [TestCase("  - read: *nope\n", TestName = "An unreadable alias where an address goes is its only error")]
    [TestCase("  - *nope\n", TestName = "An unreadable alias where a step goes is its only error")]
    [TestCase("  - read: 0x1000\n    expect: *nope\n", TestName = "An unreadable alias where an expectation goes is its only error")]
    [TestCase("  - map: *s\n  - *s\n", TestName = "Unreadable aliases are one error each")]
    public void An_alias_that_cannot_be_read_is_reported_once_with_no_follow_on_error_at_its_place(string steps)
    {
        var diagnostics = Yaml.Parse("description: d\nmmu: [sv39]\nsteps:\n" + steps).Diagnostics;

        Assert.That(diagnostics.Select(d => d.Id), Is.All.EqualTo("VMS0001"), string.Join("\n", diagnostics));
        Assert.That(diagnostics.Select(d => (d.Line, d.Column)), Is.Unique);
    }

    [Test]
    public void An_error_elsewhere_in_a_file_with_an_unreadable_alias_is_still_reported()
    {
        var diagnostics = Yaml.Parse("description: d\nmmu: [sv39]\nsteps:\n  - read: *nope\n  - write: nowhere+\n").Diagnostics;

        Assert.That(diagnostics.Select(d => d.Line), Is.EqualTo(new[] { 4, 5 }), string.Join("\n", diagnostics));
        Assert.That(diagnostics[1].Message, Does.Contain("nowhere+"));
    }

    // Inputs on which YamlDotNet throws .NET exceptions rather than YAML errors.
    [TestCase("!!1[[?\n0&a\n:-[\t-}}``b'>&#\tx*")]
    [TestCase(" \t? [x\t'@%\t|x%'b|[` &&&a\n@-!\"0x!")]
    [TestCase("[0*x]: [x\tx\n`\t:11}!\n##]{1]|a_!} >")]
    public void Syntax_errors_never_show_the_yaml_library_internals(string text)
    {
        var messages = Yaml.Parse(text).Diagnostics.Where(d => d.Id == "VMS0001").Select(d => d.Message).ToArray();
        Assert.That(messages, Is.Not.Empty);
        Assert.That(messages, Has.None.Contain("Operation is not valid").And.None.Contain("(Parameter"));
    }
}
