using CsCheck;

namespace VmSpec.Scenarios.Tests;

/// <summary>The parser runs inside the compiler: no input may make it throw (ParseCore has no safety net).</summary>
public class RobustnessTests
{
    private const string ValidFile = """
        description: A level-1 leaf whose PPN[0] is not zero is a misaligned superpage and faults.
        spec: RISC-V Privileged, Sv39 walk step 6
        mmu: [sv39, segmentation]
        memory: { base: 0x8000_0000, size: 16MiB }
        segmentation: { mode: top-bits, address-bits: 32, selector-bits: 2 }
        tlb: { entries: 8, ways: 2 }
        steps:
          - pte: { va: 0x4000_0000, level: 1, value: 0x2008_04D7 }   # PPN 0x80201, D A U W R V
          - read: 0x4000_1234
            expect: { fault: load-page-fault, reason: misaligned-superpage }
          - segment: { selector: 1, base: 0x2000, size: 4KiB, perm: rw, grows: down }
          - spawn: { pid: 1 }
          - mmap: { pid: 1, length: 8KiB, perm: rw, as: buf }
          - store: { pid: 1, va: buf+0x10, size: 4, value: 0xFFFF }
            expect: { signal: SIGSEGV }
          - frames: {}
            expect: { free: 4000 }
          - snapshot: after
        """;

    [TestCase("")]
    [TestCase("\0")]
    [TestCase("---\n---\n---\n")]
    [TestCase("- 1\n- 2\n")]
    [TestCase("just a string")]
    [TestCase("{")]
    [TestCase("[[[[[[[[[[")]
    [TestCase("a: &a [*a]\n")]
    [TestCase("? [complex, key]\n: value\n")]
    [TestCase("description: d\nmmu: [sv39]\nsteps:\n\t- read: 1\n")]
    [TestCase("description: d\nmmu: [sv39]\nsteps:\n  - read: 999999999999999999999999999999999999\n")]
    [TestCase("description: d\nmmu: [sv39]\nsteps:\n  - ~\n  - []\n  - {}\n  - read:\n")]
    [TestCase("description: !!binary AAAA\nmmu: !custom [sv39]\nsteps: !!map {}\n")]
    [TestCase("description: d\nmmu: [sv39]\nsteps:\n  - map: { va: *nope, perm: r }\n")]
    [TestCase("%YAML 1.3\n---\nfoo: bar\n")]
    [TestCase("description: \"\\uD800\"\n")]
    public void Garbage_gives_diagnostics_not_exceptions(string text)
    {
        ParseResult? result = null;
        Assert.DoesNotThrow(() => result = ScenarioParser.ParseCore(Yaml.Path, text));
        Assert.That(result!.Scenario, Is.Null);
        Assert.That(result.Diagnostics, Is.Not.Empty);
    }

    [Test]
    public void Deep_nesting_is_refused_without_overflowing_the_stack()
    {
        var text = "description: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var diagnostic = ScenarioParser.ParseCore(Yaml.Path, text).Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Line, diagnostic.Column), Is.EqualTo(("VMS0001", 1, 14 + 63))); // the top-level mapping is the first of the 64 levels
        Assert.That(diagnostic.Message, Does.Contain("nesting deeper than 64 levels"));
    }

    [Test]
    public void The_valid_file_used_for_mutations_is_valid()
    {
        Assert.That(ScenarioParser.ParseCore(Yaml.Path, ValidFile).Diagnostics, Is.Empty);
    }

    [Test]
    public void Random_strings_never_throw()
    {
        Gen.String[Gen.Char["abcdefx0123456789 :-_{}[],&*!|>'\"#%@`?\t\n\r"], 0, 200]
            .Sample(text => { ScenarioParser.ParseCore(Yaml.Path, text); }, iter: 3000);
    }

    [Test]
    public void Random_mutations_of_a_valid_file_never_throw()
    {
        // Delete, replace or insert a few characters at random places: nearly valid files reach
        // deep into the step and expect readers, where random strings never get.
        var edit = Gen.Select(Gen.Int[0, ValidFile.Length], Gen.Int[0, 2], Gen.Char[" :-_{}[],&*!|>'\"#\n\t0xaZ9+~"]);
        edit.Array[1, 6]
            .Sample(edits =>
            {
                var text = new System.Text.StringBuilder(ValidFile);
                foreach (var (position, kind, c) in edits)
                {
                    int at = Math.Min(position, text.Length);
                    if (kind == 0 && at < text.Length) text.Remove(at, 1);
                    else if (kind == 1 && at < text.Length) text[at] = c;
                    else text.Insert(at, c);
                }
                ScenarioParser.ParseCore(Yaml.Path, text.ToString());
            }, iter: 3000);
    }

    [Test]
    public void Public_parse_never_throws_even_on_null()
    {
        Assert.DoesNotThrow(() => ScenarioParser.Parse(null!, null!));
    }
}
