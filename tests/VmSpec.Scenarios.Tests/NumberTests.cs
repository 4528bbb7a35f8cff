using VmSpec.Scenarios.Parsing;

namespace VmSpec.Scenarios.Tests;

public class NumberTests
{
    [TestCase("0", 0UL)]
    [TestCase("42", 42UL)]
    [TestCase("1_000", 1000UL)]
    [TestCase("0x10", 16UL)]
    [TestCase("0X1f", 31UL)]
    [TestCase("0x8000_0000", 0x8000_0000UL)]
    [TestCase("0xFFFF_FFFF_FFFF_FFFF", ulong.MaxValue)]
    [TestCase("18446744073709551615", ulong.MaxValue)]
    public void Parses_decimal_and_hex_with_separators(string text, ulong expected)
    {
        Assert.That(NumberSyntax.TryParse(text, out var value), Is.EqualTo(NumberStatus.Ok));
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("0x")]
    [TestCase("_1")]
    [TestCase("1_")]
    [TestCase("1__0")]
    [TestCase("0x_10")]
    [TestCase("12a")]
    [TestCase("-1")]
    [TestCase("+1")]
    [TestCase("1.5")]
    [TestCase(" 1")]
    [TestCase("0b101")]
    public void Rejects_malformed_numbers(string text)
    {
        Assert.That(NumberSyntax.TryParse(text, out _), Is.EqualTo(NumberStatus.Malformed));
    }

    [TestCase("18446744073709551616")]
    [TestCase("0x1_0000_0000_0000_0000")]
    [TestCase("99999999999999999999999999999999999999")]
    public void Detects_overflow_instead_of_wrapping(string text)
    {
        Assert.That(NumberSyntax.TryParse(text, out _), Is.EqualTo(NumberStatus.Overflow));
    }

    [TestCase("4096", 4096UL)]
    [TestCase("4KiB", 4096UL)]
    [TestCase("2MiB", 2UL << 20)]
    [TestCase("1GiB", 1UL << 30)]
    [TestCase("0x10KiB", 16UL << 10)]
    [TestCase("16_384GiB", 16384UL << 30)]
    [TestCase("17179869183GiB", 17179869183UL << 30)]
    public void Parses_sizes_with_units(string text, ulong expected)
    {
        Assert.That(NumberSyntax.TryParseSize(text, out var value), Is.EqualTo(NumberStatus.Ok));
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("4 KiB", false)]
    [TestCase("4kib", false)]
    [TestCase("4KB", false)]
    [TestCase("KiB", false)]
    [TestCase("4TiB", false)]
    [TestCase("17179869184GiB", true)]
    public void Rejects_bad_sizes(string text, bool overflow)
    {
        Assert.That(NumberSyntax.TryParseSize(text, out _), Is.EqualTo(overflow ? NumberStatus.Overflow : NumberStatus.Malformed));
    }

    [TestCase("-4KiB", -4096L)]
    [TestCase("8192", 8192L)]
    [TestCase("-0x8000_0000_0000_0000", long.MinValue)]
    public void Parses_signed_sizes(string text, long expected)
    {
        Assert.That(NumberSyntax.TryParseSignedSize(text, out var value), Is.EqualTo(NumberStatus.Ok));
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("0x8000_0000_0000_0000")]
    [TestCase("-0x8000_0000_0000_0001")]
    public void Signed_sizes_overflow_outside_long(string text)
    {
        Assert.That(NumberSyntax.TryParseSignedSize(text, out _), Is.EqualTo(NumberStatus.Overflow));
    }

    [Test]
    public void Numbers_in_a_scenario_accept_separators_and_units()
    {
        var scenario = Yaml.Valid("description: d\nmmu: [sv39]\nmemory: { base: 0x8000_0000, size: 32MiB }\nsteps:\n  - tick: 1_000\n");
        Assert.That(scenario.Memory, Is.EqualTo(new MemorySettings(0x8000_0000, 32UL << 20, true)));
        Assert.That(scenario.Steps[0], Is.EqualTo(new TickStep(scenario.Steps[0].Span, 1000)));
    }

    [Test]
    public void Booleans_are_only_true_and_false()
    {
        foreach (var word in new[] { "True", "yes", "on", "1", "\"true\"" })
        {
            Assert.That(Yaml.Ids(Yaml.Header + $"  - map: {{ va: 0x1000, perm: r, global: {word} }}\n"), Is.EqualTo(new[] { "VMS0010" }), word);
        }
        var quoted = Yaml.Parse(Yaml.Header + "  - map: { va: 0x1000, perm: r, user: 'false' }\n").Diagnostics.Single();
        Assert.That(quoted.Message, Is.EqualTo("'\"false\"' is not a boolean for 'user'; expected true or false"));
        var step = (MapStep)Yaml.Step("map: { va: 0x1000, perm: r, global: true, user: false }");
        Assert.That((step.Global, step.User), Is.EqualTo((true, false)));
    }
}
