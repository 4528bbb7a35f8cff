namespace VmSpec.Scenarios.Tests;

/// <summary>
/// One case per diagnostic id: the snippet must report exactly that one diagnostic, at the exact
/// line and column of the offending node, with a message that says what was found and expected.
/// </summary>
public class DiagnosticTests
{
    private const string H = Yaml.Header; // steps start on line 4, action keys in column 5
    private const string Read = "  - read: 0x1000\n";

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string id, object file, int line, int column, params string[] fragments) =>
            new TestCaseData(id, file, line, column, fragments).SetName($"{id} at ({line},{column}) {{a}}");

        yield return Case("VMS0001", "description: d\nmmu:\n\t- sv39\nsteps: []\n", 3, 1, "YAML syntax error", "tab");
        yield return Case("VMS0001", "description: |\n  text\n  \tmore\nmmu: [sv39]\nsteps:\n\t- read: 0x1000\n", 6, 1, "YAML syntax error", "tab");
        yield return Case("VMS0001", "description: d\rmmu:\r\t- sv39\rsteps: []\r", 3, 1, "YAML syntax error", "tab");
        // A CRLF is one line break, not two
        yield return Case("VMS0001", "description: d\r\nmmu:\r\n\t- sv39\r\nsteps: []\r\n", 3, 1, "YAML syntax error", "tab");
        yield return Case("VMS0001", "description: 'abc\nmmu: [sv39]\n", 1, 14, "YAML syntax error", "quoted scalar");
        yield return Case("VMS0002", H + "  - read: [1, 2]\n", 4, 11, "'read' must be a number", "found a list");
        yield return Case("VMS0003", H + "  - map: { va: 0x1000, perm: r, colour: red }\n", 4, 33, "Unknown key 'colour' in 'map'", "va, pa, size, perm");
        yield return Case("VMS0004", "description: d\nmmu: [sv39]\nmmu: [sv39]\nsteps:\n" + Read, 3, 1, "Duplicate key 'mmu'", "line 2");
        yield return Case("VMS0005", H + "  - map: { perm: r }\n", 4, 10, "Missing required key 'va' in 'map'");
        yield return Case("VMS0006", H + "  - read: 0x12G4\n", 4, 11, "'0x12G4' is not a number for 'read'", "0x hex");
        yield return Case("VMS0007", H + "  - read: 0x1_0000_0000_0000_0000\n", 4, 11, "too large", "64 bits");
        yield return Case("VMS0007", H + "  - spawn: { pid: 0x8000_0000 }\n", 4, 19, "'0x8000_0000' for 'pid' is too large", "31 bits");
        yield return Case("VMS0008", H + "  - pte: { va: 0x1000, level: 3, value: 0 }\n", 4, 31, "3 for 'level' is out of range", "0, 1 or 2");
        yield return Case("VMS0009", "description: d\nmmu: [sv39]\nmemory: 16MB\nsteps:\n" + Read, 3, 9, "'16MB' is not a size for 'memory'", "KiB, MiB or GiB");
        yield return Case("VMS0010", H + "  - map: { va: 0x1000, perm: r, user: yes }\n", 4, 39, "'yes' is not a boolean for 'user'", "true or false");
        yield return Case("VMS0011", H + "  - access: { va: 0x1000, op: fetch }\n", 4, 31, "'fetch' is not a valid value for 'op'", "read, write, execute");
        yield return Case("VMS0012", H + Read + "    expect: { fault: page-fault }\n", 5, 22, "Unknown fault 'page-fault'", "load-page-fault");
        yield return Case("VMS0013", H + Read + "    expect: { fault: load-page-fault, reason: bogus }\n", 5, 47, "Unknown reason 'bogus'", "misaligned-superpage");
        yield return Case("VMS0014", H + "  - map: { va: 0x1000, perm: rwr }\n", 4, 30, "'rwr' is not a permission for 'perm'", "r, w, x");
        yield return Case("VMS0015", H + "  - read: heap+zz\n", 4, 11, "'heap+zz' is not an address for 'read'", "NAME+OFFSET");
        yield return Case("VMS0016", H + "  - read: heap+0x10\n", 4, 11, "Name 'heap' is not defined", "clock");
        yield return Case("VMS0017", H + "  - expect: { pa: 0x1000 }\n", 4, 5, "Step has no action key", "map, unmap");
        yield return Case("VMS0017", H + Read + "  - expect: { pa: 0x1000 }\n", 5, 5, "Step has no action key", "an 'expect' belongs to the step above it: remove its '-'");
        yield return Case("VMS0018", H + Read + "    write: 0x1000\n", 5, 5, "more than one action ('read' and 'write')");
        yield return Case("VMS0019", H + Read + "    expect: { value: 1 }\n", 5, 15, "'value' cannot be expected of a 'read' step", "pa, fault, reason, tlb");
        yield return Case("VMS0020", H + "  - map: { va: 0x1000, perm: r }\n    expect: { pa: 0x1000 }\n", 5, 5, "'map' steps take no 'expect'");
        yield return Case("VMS0021", H + Read + "    expect: { reason: invalid }\n", 5, 15, "'reason' is only allowed together with 'fault'");
        yield return Case("VMS0022", H + Read + "    expect: { pa: 0x8000_0000, fault: load-page-fault }\n", 5, 32, "'pa' and 'fault' cannot both be expected");
        yield return Case("VMS0022", H + Read + "    expect: { fault: load-page-fault, pa: 0x8000_0000 }\n", 5, 39, "'pa' and 'fault' cannot both be expected");
        yield return Case("VMS0023", H + "  - map: { va: 0x20_1000, pa: 0x8020_0000, size: 2MiB, perm: rw }\n", 4, 16, "'va' 0x201000 of a 2 MiB map", "aligned to 2 MiB");
        yield return Case("VMS0024", H + "  - snapshot: After_Map\n", 4, 15, "'After_Map' is not a snapshot label");
        yield return Case("VMS0025", "description: d\nmmu: [sv39]\nmemory: { base: 0x8000_0800, size: 16MiB }\nsteps:\n" + Read, 3, 17, "memory base 0x80000800 is not a multiple of 4 KiB");
        yield return Case("VMS0026", H + "  - unmap: { va: 0x1234 }\n", 4, 18, "'va' 0x1234 of 'unmap' is not a multiple of the page size (4096 bytes)");
        yield return Case("VMS0027", "description: d\nmmu: [single-level]\npaging: { page-size: 3000 }\nsteps:\n" + Read, 3, 22, "page-size 3000 is not a power of two from 8 to 65536");
        yield return Case("VMS0028", "description: d\nmmu: [single-level]\npaging: { va-bits: 12 }\nsteps:\n" + Read, 3, 20, "va-bits 12 must be greater than the page offset bits (12)");
        yield return Case("VMS0029", "description: d\nmmu: [segmentation]\nsegmentation: { mode: top-bits, address-bits: 16, selector-bits: 16 }\nsteps:\n" + Read, 3, 66, "selector-bits is 16 with address-bits 16");
        yield return Case("VMS0030", "description: d\nmmu: [sv39]\ntlb: { entries: 64, ways: 3 }\nsteps:\n" + Read, 3, 27, "ways 3 does not divide entries 64");
        yield return Case("VMS0031", "description: d\nmmu: [segmentation]\nsteps:\n  - segment: { selector: 1, base: 0x2000, perm: rw }\n", 4, 14, "'segment' needs exactly one of 'limit' and 'size', found neither");
        yield return Case("VMS0032", "description: d\nmmu: [sv39]\nsteps: []\n", 3, 8, "'steps' must not be empty");
        yield return Case("VMS0033", "description: d\nmmu: [Sv39]\nsteps:\n" + Read, 2, 7, "'Sv39' is not a valid MMU kind", "lowercase");
        yield return Case("VMS0034", "description: d\nmmu: [sv39, sv39]\nsteps:\n" + Read, 2, 13, "'sv39' appears more than once in 'mmu'");
        yield return Case("VMS0035", H + "  - load: { va: 0x1000, size: 3 }\n", 4, 31, "3 is not an access size", "1, 2, 4 or 8");
        yield return Case("VMS0036", H + "  - store: { va: 0x1000, size: 1, value: 0x100 }\n", 4, 42, "value 0x100 does not fit in 1 byte(s)");
        yield return Case("VMS0037", "description: d\nmmu: [segmentation]\nsegmentation: { offset-bits: 16, selector-bits: 4 }\nsteps:\n" + Read, 3, 34, "'selector-bits' does not apply in segmentation mode 'explicit'");
        yield return Case("VMS0038", "description: d\nmmu: [segmentation]\nsteps:\n  - map: { va: 0x1000, perm: r }\n", 4, 5, "'map' needs an MMU kind of [sv39, single-level]", "runs on [segmentation]");
        yield return Case("VMS0039", H + "  - load: { va: 0x1000 }\n    expect: { signal: SIGSEGV }\n", 5, 15, "'signal' can only be expected of a load or store with a pid");
        yield return Case("VMS0040", H + "  - spawn: { pid: 1 }\n  - sbrk: { pid: 1, bytes: 4KiB, as: clock }\n", 5, 38, "'clock' is predefined");
        yield return Case("VMS0041", "description: d\nmmu: [sv39]\nmemory: { base: 0xFF_FFFF_FFFF_F000, size: 8KiB }\nsteps:\n" + Read, 3, 9, "goes beyond 56-bit physical addresses");
        yield return Case("VMS0042", "description: d\nmmu: [single-level]\npaging: { va-bits: 40 }\nsteps:\n" + Read, 3, 20, "needs 2147483648 bytes", "16777216 bytes of RAM");
        yield return Case("VMS0043", H + Read + "---\ndescription: e\n", 5, 1, "one YAML document");
        yield return Case("VMS0045", H + "  - snapshot: after\n" + Read + "  - snapshot: after\n", 6, 15, "'after' is already taken on line 4");
        yield return Case("VMS0046", Latin1("description: caf\u00E9\nmmu: [sv39]\nsteps:\n" + Read), 1, 17, "byte 0xe9", "not valid UTF-8");
        yield return Case("VMS0047", "description: caf\uFFFD\nmmu: [sv39]\nsteps:\n" + Read, 1, 17, "U+FFFD", "not UTF-8");
        yield return Case("VMS0047", System.Text.Encoding.UTF8.GetBytes("description: caf\uFFFD\nmmu: [sv39]\nsteps:\n" + Read), 1, 17, "U+FFFD", "not UTF-8");
        yield return Case("VMS0048", H + "  - read: 0x1000\0\n", 4, 17, "U+0000 is a control character");
        // YamlDotNet ends a line at LS (U+2028) too, so the NUL after one is on the next line
        yield return Case("VMS0048", "# a\u2028b\n" + H + "  - read: 0x1000\0\n", 6, 17, "U+0000 is a control character");
        yield return Case("VMS0048", "description: d\nspec: \"a\0b\"\nmmu: [sv39]\nsteps:\n" + Read, 2, 9, "U+0000 is a control character");
        yield return Case("VMS0048", H + "  - read: 0x1000\u007F\n", 4, 17, "U+007F is a control character");
        yield return Case("VMS0049", H + "  - read: !!str 0x1000\n", 4, 11, "the tag '!!str'", "remove it");
        yield return Case("VMS0049", H + "  - map: !local { va: 0x1000, perm: r }\n", 4, 10, "the tag '!local'");
        yield return Case("VMS0049", "description: d\nmmu: ! [sv39]\nsteps:\n" + Read, 2, 6, "the tag '!'");
    }

    /// <summary>A file saved in Latin-1 rather than UTF-8: every byte above 0x7F is one character.</summary>
    private static byte[] Latin1(string text) => System.Text.Encoding.Latin1.GetBytes(text);

    [TestCaseSource(nameof(Cases))]
    public void Reports_exactly_this_diagnostic_at_the_offending_node(string id, object file, int line, int column, string[] fragments)
    {
        var result = file is byte[] bytes ? Yaml.Parse(bytes) : Yaml.Parse((string)file);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Exactly(1).Items, "expected exactly one diagnostic");
        var diagnostic = result.Diagnostics[0];
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo(id));
            Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((line, column)), diagnostic.ToString());
            Assert.That(diagnostic.FilePath, Is.EqualTo(Yaml.Path));
            Assert.That(diagnostic.Severity, Is.EqualTo(ScenarioSeverity.Error));
            Assert.That(diagnostic.EndLine > line || (diagnostic.EndLine == line && diagnostic.EndColumn >= column), Is.True, "end before start");
            foreach (var fragment in fragments) Assert.That(diagnostic.Message, Does.Contain(fragment));
            Assert.That(result.Scenario, Is.Null, "a file with an error yields no scenario");
        });
    }

    [Test]
    public void Every_id_but_the_internal_error_has_a_case()
    {
        var covered = Cases().Select(c => (string)c.Arguments[0]!).ToHashSet();
        var ids = DiagnosticCatalog.All.Select(d => d.Id).Where(id => id != DiagnosticCatalog.InternalError.Id);
        Assert.That(ids.Where(id => !covered.Contains(id)), Is.Empty);
    }

    [Test]
    public void The_end_of_a_diagnostic_is_the_end_of_the_offending_node()
    {
        var diagnostic = Yaml.Parse(Yaml.Header + "  - read: 0x12G4\n").Diagnostics.Single();
        Assert.That((diagnostic.EndLine, diagnostic.EndColumn), Is.EqualTo((4, 17)));
        Assert.That(diagnostic.Span.Length, Is.EqualTo("0x12G4".Length));
    }

    [Test]
    public void All_errors_of_a_file_are_reported_not_just_the_first()
    {
        var yaml = Yaml.Header +
            "  - read: 0xZZ\n" +
            "  - map: { va: 0x1000 }\n" +
            "  - write: 0x1000\n" +
            "    expect: { fault: nope }\n" +
            "  - snapshot: BAD\n";
        var diagnostics = Yaml.Parse(yaml).Diagnostics;
        Assert.That(diagnostics.Select(d => (d.Id, d.Line)), Is.EqualTo(new[]
        {
            ("VMS0006", 4), ("VMS0005", 5), ("VMS0012", 7), ("VMS0024", 8),
        }));
    }

    [Test]
    public void Diagnostics_come_in_line_and_column_order_with_ties_kept_in_report_order()
    {
        // The top level is read before the steps, so the tags error on line 3 is found before the
        // step errors on line 2, and a map reads its va before its perm; description and mmu are
        // both missing at (1,1).
        var yaml = "steps:\n  - map: { perm: rwr, va: 0xZZ }\ntags: [\"a b\"]\n";
        var diagnostics = Yaml.Parse(yaml).Diagnostics;
        Assert.That(diagnostics.Select(d => (d.Id, d.Line, d.Column, d.Message.Contains("'mmu'"))), Is.EqualTo(new[]
        {
            ("VMS0005", 1, 1, false), ("VMS0005", 1, 1, true), ("VMS0014", 2, 18, false), ("VMS0006", 2, 27, false), ("VMS0033", 3, 8, false),
        }));
    }

    [Test]
    public void Of_a_duplicate_key_the_first_one_counts()
    {
        // Read with the second va, the map would also be misaligned (VMS0026).
        var diagnostic = Yaml.Parse(H + "  - map: { va: 0x1000, va: 0x1234, perm: r }\n").Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Column), Is.EqualTo(("VMS0004", 24)));
    }

    [Test]
    public void Nel_is_a_line_break_not_a_forbidden_control_character()
    {
        // YAML leaves NEL (U+0085) out of the C1 controls it forbids.
        Assert.That(Yaml.Parse(H + Read + "# note\u0085\n").Diagnostics, Is.Empty);
    }

    [Test]
    public void Empty_file_is_a_diagnostic_at_the_start()
    {
        var diagnostic = Yaml.Parse("# only a comment\n").Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Line, diagnostic.Column), Is.EqualTo(("VMS0002", 1, 1)));
        Assert.That(diagnostic.Message, Does.Contain("found nothing"));
    }

    [Test]
    public void Missing_required_top_level_keys_are_each_reported()
    {
        var ids = Yaml.Parse("spec: x\n").Diagnostics.Select(d => d.Message);
        Assert.That(ids, Is.EquivalentTo(new[]
        {
            "Missing required key 'description' in the top level",
            "Missing required key 'mmu' in the top level",
            "Missing required key 'steps' in the top level",
        }));
    }
}
