namespace VmSpec.Cli.Tests;

public class RunCommandTests
{
    private const string ReadThroughMegapage = """
        description: A 2 MiB leaf at level 1 translates every address inside it.
        spec: RISC-V Privileged, Sv39 walk step 5
        mmu: [sv39]
        requires: [superpages]
        steps:
          - map: { va: 0x4000_0000, pa: 0x8020_0000, size: 2MiB, perm: rw }
          - read: 0x4001_2345
            expect: { pa: 0x8021_2345 }
        """;

    [Test]
    public void The_corpus_passes_on_every_builtin_mmu()
    {
        var run = CliRun.Of("run", RepositoryPaths.Specs, "--quiet");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Match(@"\d+ scenarios, \d+ runs: \d+ passed, 0 failed"));
    }

    [Test]
    public void A_passing_scenario_prints_one_pass_line_per_listed_kind()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/megapage.yaml", ReadThroughMegapage);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Contain("pass  sv39/megapage [sv39]"));
        Assert.That(run.Output, Does.Not.Contain("[single-level]"), "a kind the scenario does not list gets no line");
    }

    [Test]
    public void A_RAM_too_small_for_the_kernel_fails_the_run_at_its_first_process_step()
    {
        using var specs = new ScratchSpecs();
        specs.Write("kernel/tiny.yaml", "description: one frame of RAM\nmmu: [sv39]\nmemory: 4KiB\nsteps:\n  - frames: {}\n  - spawn: { pid: 1 }\n");

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain("tiny.yaml(6,5): could not boot the kernel on sv39: RAM is too small to boot the kernel"));
    }

    [Test]
    public void A_changed_expectation_exits_1_and_says_where_and_what()
    {
        using var specs = new ScratchSpecs();
        var path = specs.Write("sv39/megapage.yaml", ReadThroughMegapage.Replace("pa: 0x8021_2345", "pa: 0x8021_2346"));

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain("FAIL  sv39/megapage [sv39]"));
        Assert.That(run.Output, Does.Contain($"{Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}(7,5): read 0x4001_2345 expected pa 0x8021_2346, got pa 0x8021_2345"));
        Assert.That(run.Output, Does.Contain("\n      spec: RISC-V Privileged, Sv39 walk step 5"), "the rule the scenario cites");
    }

    [Test]
    public void A_yaml_file_a_folder_scan_passes_over_is_warned_of()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/read.yaml", ScratchSpecs.OneSv39Read);
        specs.Write("sv39/short.yml", ScratchSpecs.OneSv39Read);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Error, Does.Contain("short.yml(1,1): warning VMS0103: '").And.Contain("is not read: scenario files end in .yaml, exactly"));
        Assert.That(run.Output, Does.Contain("1 scenarios, 1 runs"));
    }

    [Test]
    public void A_snapshot_no_step_names_is_warned_of_as_one_to_delete()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/kept.yaml", "description: d\nmmu: [sv39]\nsteps:\n  - snapshot: end\n");
        specs.Write("sv39/broken.yaml", "description: d\nmmu: [sv39]\nsteps:\n  - snapshot: end\n  - bogus: 1\n");
        var kept = specs.Write("sv39/__snapshots__/kept.end.sv39.snap", "anything\n");
        var otherKind = specs.Write("sv39/__snapshots__/kept.end.sv48.snap", "anything\n");
        var stepGone = specs.Write("sv39/__snapshots__/kept.start.sv39.snap", "anything\n");
        var scenarioGone = specs.Write("sv39/__snapshots__/renamed-away.end.sv39.snap", "anything\n");
        var ofBroken = specs.Write("sv39/__snapshots__/broken.end.sv39.snap", "anything\n");

        var run = CliRun.Of("run", specs.Root, "--update-snapshots");

        var orphans = run.Error.Split('\n').Where(line => line.Contains("no snapshot step names this snapshot", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(orphans, Has.Count.EqualTo(3), run.ToString());
            Assert.That(orphans, Has.Some.Contains(Path.GetFileName(otherKind)), "sv48 is not in the scenario's mmu list");
            Assert.That(orphans, Has.Some.Contains(Path.GetFileName(stepGone)));
            Assert.That(orphans, Has.Some.Contains(Path.GetFileName(scenarioGone)));
            Assert.That(orphans, Has.None.Contains(Path.GetFileName(kept)).And.None.Contains(Path.GetFileName(ofBroken)));
            Assert.That(File.Exists(stepGone), "a warning, not a deletion");
        });
    }

    [Test]
    public void A_segment_translation_that_differs_says_nothing_of_a_TLB_it_has_not_got()
    {
        using var specs = new ScratchSpecs();
        specs.Write("segmentation/wrong.yaml", """
            description: d
            mmu: [segmentation]
            steps:
              - segment: { selector: 0x1, base: 0x8004_0000, size: 0x100, perm: r }
              - read: "0x1:0x10"
                expect: { pa: 0x8004_0011 }
            """);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.Output, Does.Contain("expected pa 0x8004_0011, got pa 0x8004_0010"), run.ToString());
        Assert.That(run.Output, Does.Not.Contain("TLB"));
    }

    [Test]
    public void A_fault_where_a_translation_was_expected_prints_the_walk()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/w-without-r.yaml", """
            description: W without R is reserved.
            mmu: [sv39]
            steps:
              - pte: { va: 0x1000, level: 0, value: 0x2008_0015 }   # PPN 0x80200, U W V: W without R
              - read: 0x1000
                expect: { pa: 0x8020_0000 }
            """);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain("expected pa 0x8020_0000, got load-page-fault (reserved): L2[000] 0x"));
        Assert.That(run.Output, Does.Contain("-> L0[001] 0x0000000020080015"));
    }

    [TestCase(0UL, 0, TestName = "The largest RAM the machine builds is a RAM the format accepts")]
    [TestCase(4096UL, 2, TestName = "A page more than the machine builds is refused by the parser, not by a failed run")]
    public void The_parser_and_the_machine_agree_on_the_largest_ram(ulong beyond, int exitCode)
    {
        using var specs = new ScratchSpecs();
        var size = VmSpec.Core.Memory.PhysicalMemory.MaxSize + beyond;
        specs.Write("sv39/big.yaml", $"memory: 0x{size:x}\n" + ScratchSpecs.OneSv39Read);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.ToString());
        if (exitCode == 2)
            Assert.That(run.Error, Does.Contain("VMS0008"));
    }

    [Test]
    public void A_wrong_value_from_a_split_load_names_the_frame_of_each_portion()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/split.yaml", """
            description: A load across two pages reads from two frames.
            mmu: [sv39]
            steps:
              - map: { va: 0x1000, pa: 0x8010_0000, perm: r }
              - map: { va: 0x2000, pa: 0x8030_0000, perm: r }
              - load: { va: 0x1FFC, size: 8 }
                expect: { value: 0x1 }
            """);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain("(from pa 0x8010_0ffc for va 0x1ffc, then pa 0x8030_0000 for va 0x2000)"));
    }

    [TestCase("unknown key", "      bogus: 1\n", 7, 5)]
    [TestCase("bad number", null, 6, 16)]
    public void A_format_error_exits_2_with_line_and_column(string what, string? extraLine, int line, int column)
    {
        using var specs = new ScratchSpecs();
        var yaml = ReadThroughMegapage;
        yaml = extraLine is null
            ? yaml.Replace("va: 0x4000_0000", "va: 0x4000_00zz")
            : yaml.Replace("perm: rw }\n", "perm: rw }\n" + extraLine.Replace("      ", "    "));
        var path = specs.Write("sv39/broken.yaml", yaml);

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"broken.yaml({line},{column}): error VMS"), what);
    }

    [Test]
    public void A_misaligned_superpage_map_is_a_format_error_at_the_va()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/misaligned.yaml", ReadThroughMegapage.Replace("va: 0x4000_0000", "va: 0x4000_1000"));

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Match(@"misaligned\.yaml\(6,\d+\): error VMS\d{4}: .*align"));
    }

    [Test]
    public void A_broken_file_does_not_stop_the_others()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/good.yaml", ReadThroughMegapage);
        specs.Write("sv39/bad.yaml", "description: [\n");

        var run = CliRun.Of("run", specs.Root);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Output, Does.Contain("pass  sv39/good [sv39]"));
    }

    [Test]
    public void Stats_print_the_counters_and_the_effective_access_time()
    {
        using var specs = new ScratchSpecs();
        specs.Write("tlb/twice.yaml", """
            description: The second read of a page hits the TLB.
            mmu: [sv39]
            steps:
              - map: { va: 0x1000, pa: 0x8020_0000, perm: r }
              - read: 0x1000
              - read: 0x1008
            """);

        var run = CliRun.Of("run", specs.Root, "--stats", "--tlb-time", "1", "--mem-time", "100");

        // One hit in two accesses: α = 0.5, EAT = 0.5·(1+100) + 0.5·(1+4·100) = 251 ns.
        Assert.That(run.Output, Does.Contain("tlb-hits 1, tlb-misses 1, α 0.500, walks 1, pte-reads 3, EAT 251 ns"), run.ToString());
    }

    [TestCase("--tlb-time", "-5")]
    [TestCase("--mem-time", "-100")]
    [TestCase("--tlb-time", "NaN")]
    [TestCase("--mem-time", "Infinity")]
    public void A_time_that_is_negative_or_not_a_finite_number_exits_2(string option, string value)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/megapage.yaml", ReadThroughMegapage);

        var run = CliRun.Of("run", specs.Root, "--stats", option, value);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"{option} must be a time in ns, zero or more, not {value}"));
        Assert.That(run.Output, Does.Not.Contain(" ns (TLB "));
    }

    [Test]
    public void A_time_of_zero_is_a_time()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/megapage.yaml", ReadThroughMegapage);

        var run = CliRun.Of("run", specs.Root, "--stats", "--tlb-time", "0");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Contain("(TLB 0 ns, mem 100 ns, L 3)"));
    }

    [Test]
    public void Mmu_option_restricts_the_run_to_one_kind()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/both.yaml", """
            description: A read of a readable page succeeds on both paging kinds.
            mmu: [sv39, single-level]
            steps:
              - map: { va: 0x1000, pa: 0x8020_0000, perm: r }
              - read: 0x1004
                expect: { pa: 0x8020_0004 }
            """);

        var run = CliRun.Of("run", specs.Root, "--mmu", "single-level");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Output, Does.Contain("[single-level]"));
        Assert.That(run.Output, Does.Not.Contain("[sv39]"));
    }

    [Test]
    public void List_shows_every_builtin_kind_with_its_features()
    {
        var run = CliRun.Of("list");

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("sv39").And.Contain("single-level").And.Contain("segmentation").And.Contain("superpages"));
    }
}
