using System.Text;

namespace VmSpec.Scenarios.Tests;

/// <summary>
/// A node repeated through aliases is read once per alias, so its errors would repeat: each is said
/// once, and a file says at most <c>MaxDiagnostics</c>, however many a hostile file could make.
/// </summary>
public class RepeatedDiagnosticsTests
{
    [Test]
    public void A_bad_step_repeated_through_aliases_is_reported_once()
    {
        var result = Yaml.Parse("""
            description: d
            mmu: [sv39]
            steps:
              - &bad
                map: { va: 0x1000, perm: r, colour: red }
              - *bad
              - *bad
            """);

        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Line, d.Column)), Is.EqualTo(new[] { ("VMS0003", 5, 33) }));
    }

    [Test]
    public void A_file_of_many_aliases_to_a_mapping_of_many_bad_keys_stops_at_the_bound()
    {
        var keys = string.Join(", ", Enumerable.Range(0, 1000).Select(i => $"k{i}: 1"));
        var aliases = string.Join(", ", Enumerable.Repeat("*m", 1000));
        var text = $"description: d\nmmu: [sv39]\nx: &m {{ map: {{ {keys} }} }}\nsteps: [{aliases}]\n";

        var result = Yaml.Parse(text);

        Assert.That(result.Scenario, Is.Null);
        Assert.That(result.Diagnostics, Has.Length.EqualTo(Parsing.ParseContext.MaxDiagnostics));
        Assert.That(result.Diagnostics.Distinct().Count(), Is.EqualTo(result.Diagnostics.Length), "no diagnostic twice");
    }
}
