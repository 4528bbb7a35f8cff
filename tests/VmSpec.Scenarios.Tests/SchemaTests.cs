using NJsonSchema;

namespace VmSpec.Scenarios.Tests;

/// <summary>
/// specs/scenario.schema.json (for editors) and the parser (for the build) must agree: what one
/// accepts in the corpus the other accepts, and what the schema rejects the parser rejects too.
/// </summary>
public class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(RepoRoot.Find(), "specs", "scenario.schema.json"))).GetAwaiter().GetResult());

    private static string[] SchemaErrors(string yaml) =>
        Schema.Value.Validate(YamlToJson.Convert(yaml)).Select(e => e.ToString()).ToArray();

    [Test]
    public void Every_scenario_in_the_corpus_validates_and_parses_cleanly()
    {
        // The corpus grows in parallel; with no files yet this checks nothing, and that is fine.
        var specs = Path.Combine(RepoRoot.Find(), "specs");
        var files = Directory.Exists(specs) ? Directory.GetFiles(specs, "*.yaml", SearchOption.AllDirectories) : [];
        var problems = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(RepoRoot.Find(), file).Replace('\\', '/');
            problems.AddRange(ScenarioParser.Parse(relative, text).Diagnostics.Select(d => d.ToString()));
            problems.AddRange(SchemaErrors(text).Select(e => relative + ": schema: " + e));
        }
        TestContext.Out.WriteLine($"{files.Length} scenario file(s) checked");
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    private static IEnumerable<string> ValidSamples()
    {
        yield return """
            # yaml-language-server: $schema=../scenario.schema.json
            description: A level-1 leaf whose PPN[0] is not zero is a misaligned superpage and faults.
            spec: RISC-V Privileged, Sv39 walk step 6
            mmu: [sv39]
            requires: [superpages]
            steps:
              - pte: { va: 0x4000_0000, level: 1, value: 0x2008_04D7 }   # PPN 0x80201, D A U W R V
              - read: 0x4000_1234
                expect: { fault: load-page-fault, reason: misaligned-superpage }
            """;
        yield return """
            description: Every section and every action.
            mmu: [sv39, segmentation, sv48]
            tags: [smoke]
            memory: { base: 0x8000_0000, size: 16MiB }
            paging: { page-size: 4KiB, va-bits: 32 }
            segmentation: { mode: explicit, offset-bits: 32 }
            sv39: { ad: fault, sum: false, mxr: true }
            tlb: { entries: 64, ways: 4, asid: true }
            kernel: { swap: 1MiB }
            steps:
              - map: { va: 0x4000_0000, pa: 0x8020_0000, size: 2MiB, perm: rw, user: true, global: false, accessed: true, dirty: true }
              - unmap: { va: 0x1000, size: 4KiB }
              - protect: { va: 0x1000, perm: rx, user: false }
              - pte: { va: 0x1000, level: 0, value: 0 }
              - space: { asid: 1 }
              - sfence: { va: 0x1000 }
              - sfence:
              - segment: { selector: 1, base: 0x2000, limit: 0x1FF, perm: rw }
              - segment: { selector: 2, base: 0x9000, size: 4KiB, perm: r, grows: down }
              - access: { va: 0x1000, op: read, mode: supervisor, sum: true }
                expect: { pa: 0x8000_1000, tlb: miss }
              - access: { address: "0x1:0xFF", op: write }
              - read: "0x1:0xFF"
                expect: { pa: 0x20FF }
              - write: 0x1000
                expect: { fault: store-page-fault, reason: not-dirty }
              - execute: 0x1000
              - load: { va: 0x1000, size: 4 }
                expect: { value: 0xFFFF }
              - store: { va: 0x1000, size: 8, value: 1 }
              - snapshot: after-map
              - stats: {}
                expect: { tlb-hits: 1, tlb-misses: 2, walks: 2, pte-reads: 6 }
              - frames: {}
                expect: { free: 4000, used: 96 }
              - tick: 3
              - spawn: { pid: 1, break: 0x10_0000 }
              - fork: { parent: 1, child: 2 }
                expect: { error: out-of-memory }
              - vfork: { parent: 1, child: 3 }
              - exit: { pid: 3 }
              - switch: { pid: 1 }
              - sbrk: { pid: 1, bytes: 8KiB, as: heap }
                expect: { value: 0x10_0000 }
              - sbrk: { pid: 1, bytes: -4096 }
              - mmap: { pid: 1, length: 4KiB, perm: "", shared: true, as: guard }
                expect: { va: 0x3F_FFFF_E000 }
              - store: { pid: 1, va: heap+0x10, value: 7 }
              - load: { pid: 1, va: guard }
                expect: { signal: SIGSEGV }
              - load: { pid: 1, va: clock }
              - munmap: { pid: 1, va: guard, length: 4KiB }
            """;
    }

    [Test]
    public void A_level_3_pte_on_sv48_passes_both()
    {
        const string yaml = """
            description: A raw PTE at Sv48's root level.
            mmu: [sv48]
            steps:
              - pte: { va: 0x80_0000_0000, level: 3, value: 0x2000_0001 }
            """;
        Assert.That(SchemaErrors(yaml), Is.Empty, string.Join("\n", SchemaErrors(yaml)));
        Assert.That(Yaml.Parse(yaml).Diagnostics, Is.Empty);
    }

    [TestCaseSource(nameof(ValidSamples))]
    public void Valid_samples_pass_both_the_schema_and_the_parser(string yaml)
    {
        Assert.That(SchemaErrors(yaml), Is.Empty, string.Join("\n", SchemaErrors(yaml)));
        Assert.That(Yaml.Parse(yaml).Diagnostics, Is.Empty);
    }

    private const string H = "description: d\nmmu: [sv39]\nsteps:\n";

    private static IEnumerable<TestCaseData> InvalidSnippets()
    {
        TestCaseData Case(string name, string yaml) => new TestCaseData(yaml).SetName("Rejected by both: " + name);
        yield return Case("no description", "mmu: [sv39]\nsteps:\n  - read: 0x1000\n");
        yield return Case("empty steps", "description: d\nmmu: [sv39]\nsteps: []\n");
        yield return Case("unknown top-level key", H + "  - read: 0x1000\ncolour: red\n");
        yield return Case("unknown step key", H + "  - map: { va: 0x1000, perm: r, colour: red }\n");
        yield return Case("two actions", H + "  - read: 0x1000\n    write: 0x1000\n");
        yield return Case("no action", H + "  - expect: { pa: 1 }\n");
        yield return Case("unknown fault", H + "  - read: 0x1000\n    expect: { fault: page-fault }\n");
        yield return Case("unknown reason", H + "  - read: 0x1000\n    expect: { fault: load-page-fault, reason: bogus }\n");
        yield return Case("reason without fault", H + "  - read: 0x1000\n    expect: { reason: invalid }\n");
        yield return Case("pa and fault", H + "  - read: 0x1000\n    expect: { pa: 1, fault: load-page-fault }\n");
        yield return Case("expect key of another action", H + "  - read: 0x1000\n    expect: { value: 1 }\n");
        yield return Case("expect on map", H + "  - map: { va: 0x1000, perm: r }\n    expect: { pa: 1 }\n");
        yield return Case("bad perm", H + "  - map: { va: 0x1000, perm: rwr }\n");
        yield return Case("empty perm on map", H + "  - map: { va: 0x1000, perm: \"\" }\n");
        yield return Case("bad number", H + "  - read: 0x12G4\n");
        yield return Case("separator at the end", H + "  - read: 0x1000_\n");
        yield return Case("bad size unit", "description: d\nmmu: [sv39]\nmemory: 16MB\nsteps:\n  - read: 0x1000\n");
        yield return Case("yes is no boolean", H + "  - map: { va: 0x1000, perm: r, user: yes }\n");
        yield return Case("quoted boolean", H + "  - map: { va: 0x1000, perm: r, user: \"true\" }\n");
        // Level 3 is Sv48's root: only the parser knows it is out of range on sv39 alone (StepTests).
        yield return Case("level 5", H + "  - pte: { va: 0x1000, level: 5, value: 0 }\n");
        yield return Case("access size 3", H + "  - load: { va: 0x1000, size: 3 }\n");
        yield return Case("unknown op", H + "  - access: { va: 0x1000, op: fetch }\n");
        yield return Case("access without op", H + "  - access: { va: 0x1000 }\n");
        yield return Case("access with va and address", H + "  - access: { va: 1, address: 2, op: read }\n");
        yield return Case("segment with limit and size", "description: d\nmmu: [segmentation]\nsteps:\n  - segment: { selector: 1, base: 0, limit: 1, size: 2, perm: r }\n");
        yield return Case("grows sideways", "description: d\nmmu: [segmentation]\nsteps:\n  - segment: { selector: 1, base: 0, size: 2, perm: r, grows: sideways }\n");
        yield return Case("snapshot label", H + "  - snapshot: After_Map\n");
        yield return Case("mmu kind spelling", "description: d\nmmu: [Sv39]\nsteps:\n  - read: 0x1000\n");
        yield return Case("mmu not a list", "description: d\nmmu: sv39\nsteps:\n  - read: 0x1000\n");
        yield return Case("duplicate mmu kind", "description: d\nmmu: [sv39, sv39]\nsteps:\n  - read: 0x1000\n");
        yield return Case("segmentation mode", "description: d\nmmu: [sv39]\nsegmentation: { mode: flat }\nsteps:\n  - read: 0x1000\n");
        yield return Case("ad policy", "description: d\nmmu: [sv39]\nsv39: { ad: software }\nsteps:\n  - read: 0x1000\n");
        yield return Case("unknown signal", H + "  - load: { pid: 1, va: 0x1000 }\n    expect: { signal: SIGBUS }\n");
        yield return Case("unknown kernel error", H + "  - exit: { pid: 1 }\n    expect: { error: crashed }\n");
        yield return Case("sbrk error and value", H + "  - sbrk: { pid: 1, bytes: 1 }\n    expect: { error: invalid, value: 0 }\n");
        yield return Case("as clock", H + "  - mmap: { pid: 1, length: 1, perm: r, as: clock }\n");
        yield return Case("as name spelling", H + "  - mmap: { pid: 1, length: 1, perm: r, as: 9lives }\n");
        yield return Case("stats with arguments", H + "  - stats: { walks: 1 }\n");
        yield return Case("fork without child", H + "  - fork: { parent: 1 }\n");
        yield return Case("top level is a list", "- read: 0x1000\n");
    }

    [TestCaseSource(nameof(InvalidSnippets))]
    public void Invalid_snippets(string yaml)
    {
        Assert.That(SchemaErrors(yaml), Is.Not.Empty, "the schema accepts it");
        Assert.That(Yaml.Parse(yaml).Diagnostics, Is.Not.Empty, "the parser accepts it");
    }
}
