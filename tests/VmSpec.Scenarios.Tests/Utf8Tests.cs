using System.Text;

namespace VmSpec.Scenarios.Tests;

/// <summary>A file is read as bytes: one that is not UTF-8 is a format error at its first bad byte, never silently replaced.</summary>
public class Utf8Tests
{
    private const string Valid = "description: d\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n";

    /// <summary>Ends inside a comment on line 4, column 20.</summary>
    private const string UpToComment = "description: d\nmmu: [sv39]\nsteps:\n  - read: 0x1000 # ";

    private static byte[] Bytes(string text, params byte[] tail) => [.. Encoding.UTF8.GetBytes(text), .. tail];

    [TestCase(new byte[] { 0xFF, 0x0A }, TestName = "a byte UTF-8 never uses")]
    [TestCase(new byte[] { 0x80, 0x0A }, TestName = "a continuation byte with no lead")]
    [TestCase(new byte[] { 0xC0, 0xAF, 0x0A }, TestName = "an overlong form")]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80, 0x0A }, TestName = "a surrogate")]
    [TestCase(new byte[] { 0xF4, 0x90, 0x80, 0x80, 0x0A }, TestName = "beyond U+10FFFF")]
    [TestCase(new byte[] { 0xE2, 0x82, 0x0A }, TestName = "a sequence cut short by a line end")]
    [TestCase(new byte[] { 0xE2, 0x82 }, TestName = "a sequence cut short by the end of the file")]
    public void The_first_bad_byte_is_reported_where_it_stands(byte[] bad)
    {
        var result = Yaml.Parse(Bytes(UpToComment, bad));
        var diagnostic = result.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That((diagnostic.Id, diagnostic.Line, diagnostic.Column), Is.EqualTo(("VMS0046", 4, 20)));
            Assert.That(diagnostic.Message, Does.Contain($"byte 0x{bad[0]:x2}").And.Contain("not valid UTF-8"));
            Assert.That(diagnostic.Span.Offset, Is.EqualTo(UpToComment.Length));
            Assert.That(result.Scenario, Is.Null);
        });
    }

    [Test]
    public void Columns_count_characters_as_the_yaml_positions_do()
    {
        // é and € are one character each, the emoji two (a surrogate pair), as in every other column.
        var diagnostic = Yaml.Parse(Bytes(UpToComment + "é€😀", 0xFF)).Diagnostics.Single();
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((4, 24)));
    }

    [TestCase("\r\n")]
    [TestCase("\r")]
    public void Lines_end_at_crlf_and_cr_too(string lineEnd)
    {
        var diagnostic = Yaml.Parse(Bytes(Valid.Replace("\n", lineEnd) + "# ", 0xFF)).Diagnostics.Single();
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((5, 3)));
    }

    [Test]
    public void A_byte_order_mark_is_not_part_of_the_text()
    {
        Assert.That(Yaml.Parse(Bytes("\uFEFF" + Valid)).Scenario, Is.EqualTo(Yaml.Valid(Valid)));
        var diagnostic = Yaml.Parse(Bytes("\uFEFF# ", 0xFF)).Diagnostics.Single(d => d.Id == "VMS0046");
        Assert.That((diagnostic.Id, diagnostic.Line, diagnostic.Column), Is.EqualTo(("VMS0046", 1, 3)));
    }

    [Test]
    public void Valid_bytes_parse_as_their_text()
    {
        var text = "description: Ünïcödé — à la carte 😀\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n";
        Assert.That(Yaml.Parse(Bytes(text)), Is.EqualTo(Yaml.Parse(text)));
    }

    [Test]
    public void The_rest_of_the_file_is_still_checked()
    {
        var bytes = Bytes("description: caf", [0xE9, .. Bytes("\nmmu: [sv39]\nsteps:\n  - read: 0xZZ\n")]);
        Assert.That(Yaml.Parse(bytes).Diagnostics.Select(d => (d.Id, d.Line)), Is.EqualTo(new[] { ("VMS0046", 1), ("VMS0006", 4) }));
    }

    [Test]
    public void Bytes_are_reported_as_the_bad_byte_only_never_again_as_its_replacement()
    {
        Assert.That(Yaml.Parse(Bytes(UpToComment, 0xFF, 0x0A)).Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "VMS0046" }));
    }

    [Test]
    public void The_escape_of_the_replacement_character_is_the_character_itself()
    {
        Assert.That(Yaml.Valid("description: \"caf\\uFFFD\"\nmmu: [sv39]\nsteps:\n  - read: 0x1000\n").Description, Is.EqualTo("caf\uFFFD"));
    }

    [Test]
    public void Public_parse_of_bytes_never_throws_even_on_null()
    {
        Assert.DoesNotThrow(() => ScenarioParser.ParseUtf8(null!, null!));
    }
}
