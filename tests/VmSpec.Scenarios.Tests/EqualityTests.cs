namespace VmSpec.Scenarios.Tests;

/// <summary>The generator caches on model equality: the same text must give equal results, different text unequal ones.</summary>
public class EqualityTests
{
    private const string Text = """
        description: Everything at once.
        mmu: [sv39, segmentation]
        requires: [superpages]
        tags: [smoke]
        tlb: { entries: 16, ways: 4 }
        steps:
          - map: { va: 0x4000_0000, pa: 0x8020_0000, size: 2MiB, perm: rw }
          - segment: { selector: 1, base: 0x2000, limit: 0x1FF, perm: rw }
          - read: "0x1:0xFF"
            expect: { pa: 0x20FF, tlb: miss }
          - spawn: { pid: 1 }
          - sbrk: { pid: 1, bytes: 4KiB, as: heap }
          - store: { pid: 1, va: heap+8, value: 1 }
          - stats: {}
            expect: { walks: 1 }
        """;

    [Test]
    public void Parsing_the_same_text_twice_gives_equal_results()
    {
        var first = ScenarioParser.Parse(Yaml.Path, Text);
        var second = ScenarioParser.Parse(Yaml.Path, string.Concat(Text.ToCharArray()));
        Assert.That(first.Scenario, Is.Not.Null);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(second.GetHashCode(), Is.EqualTo(first.GetHashCode()));
        Assert.That(second.Scenario, Is.Not.SameAs(first.Scenario));
    }

    [Test]
    public void Diagnostics_compare_by_value_too()
    {
        const string bad = "description: d\nmmu: [sv39]\nsteps:\n  - read: 0xZZ\n";
        var first = ScenarioParser.Parse(Yaml.Path, bad);
        var second = ScenarioParser.Parse(Yaml.Path, bad);
        Assert.That(first.Diagnostics, Is.Not.Empty);
        Assert.That(second, Is.EqualTo(first));
    }

    [TestCase("walks: 1", "walks: 2")]
    [TestCase("size: 2MiB, perm: rw", "size: 2MiB, perm: rx")]
    public void A_changed_value_gives_an_unequal_scenario(string before, string after)
    {
        // The last step and the first: every item of a list counts. Same length, so that no later span moves.
        var changed = ScenarioParser.Parse(Yaml.Path, Text.Replace(before, after));
        Assert.That(changed.Scenario, Is.Not.EqualTo(ScenarioParser.Parse(Yaml.Path, Text).Scenario));
    }

    [Test]
    public void Moving_text_changes_spans_only()
    {
        var original = ScenarioParser.Parse(Yaml.Path, Text).Scenario!;
        var moved = ScenarioParser.Parse(Yaml.Path, "\n" + Text).Scenario!;
        Assert.That(moved, Is.Not.EqualTo(original), "spans are part of the model, for #line directives");
        Assert.That(moved.Steps[0].Span.Line, Is.EqualTo(original.Steps[0].Span.Line + 1));
        Assert.That(moved with { Steps = original.Steps }, Is.EqualTo(original));
    }

    [Test]
    public void Equatable_array_compares_contents()
    {
        var a = EquatableArray.Create(1, 2, 3);
        var b = new EquatableArray<int>(new[] { 1, 2, 3 });
        Assert.That(a == b, Is.True);
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a != EquatableArray.Create(1, 2), Is.True);
        Assert.That(default(EquatableArray<int>), Is.EqualTo(EquatableArray<int>.Empty));
        Assert.That((a.Length, a.Count, a[2]), Is.EqualTo((3, 3, 3)));
        Assert.That(a.ToArray(), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public void Equatable_array_is_immune_to_changes_of_its_source()
    {
        var source = new[] { 1, 2 };
        var array = EquatableArray.Create(source);
        source[0] = 9;
        Assert.That(array[0], Is.EqualTo(1));
    }
}
