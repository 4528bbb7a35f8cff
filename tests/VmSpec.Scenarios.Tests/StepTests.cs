namespace VmSpec.Scenarios.Tests;

/// <summary>Every action parses into its own record with the right values and defaults.</summary>
public class StepTests
{
    private static T Step<T>(string step, string mmu = "sv39") where T : Step => (T)Yaml.Step(step, mmu);

    [Test]
    public void Map_with_all_keys_and_with_defaults()
    {
        var full = Step<MapStep>("map: { va: 0x4000_0000, pa: 0x8020_0000, size: 2MiB, perm: rwx, user: false, global: true, accessed: true, dirty: true }");
        Assert.That(full, Is.EqualTo(new MapStep(full.Span, new LiteralAddress(0x4000_0000), 0x8020_0000, 2UL << 20, Perm.Read | Perm.Write | Perm.Execute, false, true, true, true)));

        var bare = Step<MapStep>("map: { va: 0x1000, perm: xr }");
        Assert.That(bare, Is.EqualTo(new MapStep(bare.Span, new LiteralAddress(0x1000), null, null, Perm.Read | Perm.Execute, true, false, false, false)));
    }

    [TestCase("accessed: true", true, false)]
    [TestCase("dirty: true", false, true)]
    public void Map_reads_accessed_and_dirty_each_into_its_own_bit(string flag, bool accessed, bool dirty)
    {
        var step = Step<MapStep>("map: { va: 0x1000, perm: rw, " + flag + " }");
        Assert.That((step.Accessed, step.Dirty), Is.EqualTo((accessed, dirty)));
    }

    [TestCase("map: { va: 0x1000, size: 0x1800, perm: r }", "map")]
    [TestCase("unmap: { va: 0x1000, size: 0x1800 }", "unmap")]
    [TestCase("protect: { va: 0x1000, size: 0x1800, perm: r }", "protect")]
    public void A_size_of_part_of_a_page_is_refused(string step, string action)
    {
        var diagnostic = Yaml.Parse(Yaml.Header + "  - " + step + "\n").Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Message), Is.EqualTo(("VMS0026", $"'size' 0x1800 of '{action}' is not a multiple of the page size (4096 bytes)")));
    }

    [TestCase("map: { va: 0x1000, size: 0, perm: r }")]
    [TestCase("unmap: { va: 0x1000, size: 0 }")]
    [TestCase("protect: { va: 0x1000, size: 0, perm: r }")]
    public void A_size_of_zero_is_out_of_range(string step)
    {
        Assert.That(Yaml.Ids(Yaml.Header + "  - " + step + "\n"), Is.EqualTo(new[] { "VMS0008" }));
    }

    [Test]
    public void Aligned_superpages_are_valid_on_sv39()
    {
        Assert.That(Step<MapStep>("map: { va: 0x4000_0000, pa: 0x8000_0000, size: 1GiB, perm: r }").Size, Is.EqualTo(1UL << 30));
        // Without sv39 the 2 MiB rule does not apply; only page alignment does.
        Assert.That(Step<MapStep>("map: { va: 0x1000, size: 2MiB, perm: r }", mmu: "single-level").Va, Is.EqualTo(new LiteralAddress(0x1000)));
    }

    [Test]
    public void Misaligned_superpage_pa_is_reported_at_the_pa()
    {
        var diagnostic = Yaml.Parse(Yaml.Header + "  - map: { va: 0x4000_0000, pa: 0x8000_1000, size: 1GiB, perm: r }\n").Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Column), Is.EqualTo(("VMS0023", 33)));
        Assert.That(diagnostic.Message, Does.Contain("'pa' 0x80001000 of a 1 GiB map"));
    }

    [Test]
    public void A_gigapage_va_must_be_aligned_to_1_GiB_not_only_to_2_MiB()
    {
        var diagnostic = Yaml.Parse(Yaml.Header + "  - map: { va: 0x20_0000, pa: 0x8000_0000, size: 1GiB, perm: r }\n").Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Column), Is.EqualTo(("VMS0023", 16)));
        Assert.That(diagnostic.Message, Does.Contain("'va' 0x200000 of a 1 GiB map"));
    }

    [Test]
    public void Alignment_beside_sv39_is_the_larger_of_the_page_sizes()
    {
        // A map must suit every kind listed: 256-byte single-level pages do not make 4 KiB sv39 pages smaller.
        var yaml = "description: d\nmmu: [sv39, single-level]\npaging: { page-size: 256, va-bits: 16 }\nsteps:\n  - map: { va: 0x100, perm: r }\n";
        var diagnostic = Yaml.Parse(yaml).Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Message), Is.EqualTo(("VMS0026", "'va' 0x100 of 'map' is not a multiple of the page size (4096 bytes)")));
    }

    [Test]
    public void Single_level_alignment_uses_its_page_size()
    {
        var yaml = "description: d\nmmu: [single-level]\npaging: { page-size: 256, va-bits: 16 }\nsteps:\n  - map: { va: 0x100, pa: 0x8000_0180, perm: r }\n";
        var diagnostic = Yaml.Parse(yaml).Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Message), Is.EqualTo(("VMS0026", "'pa' 0x80000180 of 'map' is not a multiple of the page size (256 bytes)")));
    }

    [Test]
    public void Unmap_and_protect()
    {
        var unmap = Step<UnmapStep>("unmap: { va: 0x2000, size: 8KiB }");
        Assert.That(unmap, Is.EqualTo(new UnmapStep(unmap.Span, new LiteralAddress(0x2000), 8192)));
        var protect = Step<ProtectStep>("protect: { va: 0x2000, perm: r }");
        Assert.That(protect, Is.EqualTo(new ProtectStep(protect.Span, new LiteralAddress(0x2000), null, Perm.Read, null)));
        var protectUser = Step<ProtectStep>("protect: { va: 0x2000, size: 4KiB, perm: w, user: false }");
        Assert.That((protectUser.Size, protectUser.User), Is.EqualTo(((ulong?)4096, (bool?)false)));
    }

    [Test]
    public void Pte_space_and_sfence()
    {
        var pte = Step<PteStep>("pte: { va: 0x4000_0000, level: 1, value: 0x2008_04D7 }");
        Assert.That(pte, Is.EqualTo(new PteStep(pte.Span, new LiteralAddress(0x4000_0000), 1, 0x2008_04D7)));
        var space = Step<SpaceStep>("space: { asid: 0xFFFF }");
        Assert.That(space.Asid, Is.EqualTo(0xFFFF));
        Assert.That(Step<SfenceStep>("sfence: {}"), Has.Property("Va").Null.And.Property("Asid").Null);
        Assert.That(Step<SfenceStep>("sfence:"), Has.Property("Va").Null.And.Property("Asid").Null);
        var both = Step<SfenceStep>("sfence: { va: 0x1000, asid: 3 }");
        Assert.That((both.Va, both.Asid), Is.EqualTo(((AddressExpr)new LiteralAddress(0x1000), (ulong?)3)));
    }

    [Test]
    public void Pte_level_on_single_level_is_only_zero()
    {
        Assert.That(Step<PteStep>("pte: { va: 0x1000, level: 0, value: 1 }", mmu: "single-level").Level, Is.EqualTo(0));
        Assert.That(Yaml.Ids("description: d\nmmu: [single-level]\nsteps:\n  - pte: { va: 0x1000, level: 1, value: 1 }\n"), Is.EqualTo(new[] { "VMS0008" }));
    }

    [Test]
    public void Pte_level_beside_sv39_is_not_held_to_the_single_level_table()
    {
        // Only a scenario on single-level alone is limited to level 0; the single-level MMU refuses a higher one when the step runs.
        Assert.That(Step<PteStep>("pte: { va: 0x1000, level: 2, value: 1 }", mmu: "sv39, single-level").Level, Is.EqualTo(2));
    }

    [Test]
    public void Pte_level_on_a_plugin_kind_goes_up_to_four()
    {
        // Sv48's root is level 3; the parser cannot know a plug-in's depth, so it stops at five levels.
        Assert.That(Step<PteStep>("pte: { va: 0x1000, level: 3, value: 1 }", mmu: "sv48").Level, Is.EqualTo(3));
        Assert.That(Step<PteStep>("pte: { va: 0x1000, level: 4, value: 1 }", mmu: "sv48").Level, Is.EqualTo(4));
        Assert.That(Step<PteStep>("pte: { va: 0x1000, level: 3, value: 1 }", mmu: "sv39, sv48").Level, Is.EqualTo(3));
        Assert.That(Yaml.Ids("description: d\nmmu: [sv48]\nsteps:\n  - pte: { va: 0x1000, level: 5, value: 1 }\n"), Is.EqualTo(new[] { "VMS0008" }));
        Assert.That(Yaml.Parse("description: d\nmmu: [sv48]\nsteps:\n  - pte: { va: 0x1000, level: 5, value: 1 }\n").Diagnostics.Single().Message, Does.Contain("0 to 4"));
    }

    [Test]
    public void Pte_level_on_sv39_alone_stays_at_most_two()
    {
        Assert.That(Yaml.Ids("description: d\nmmu: [sv39]\nsteps:\n  - pte: { va: 0x1000, level: 3, value: 1 }\n"), Is.EqualTo(new[] { "VMS0008" }));
        Assert.That(Yaml.Ids("description: d\nmmu: [sv39, single-level]\nsteps:\n  - pte: { va: 0x1000, level: 3, value: 1 }\n"), Is.EqualTo(new[] { "VMS0008" }));
    }

    [TestCase("space: { asid: 0x10000 }")]
    [TestCase("sfence: { asid: 0x10000 }")]
    public void Asid_is_16_bits(string step)
    {
        Assert.That(Yaml.Ids(Yaml.Header + "  - " + step + "\n"), Is.EqualTo(new[] { "VMS0008" }));
    }

    [Test]
    public void A_gigapage_pa_must_be_aligned_to_1_GiB_not_only_to_2_MiB()
    {
        var diagnostic = Yaml.Parse(Yaml.Header + "  - map: { va: 0x4000_0000, pa: 0x8020_0000, size: 1GiB, perm: r }\n").Diagnostics.Single();
        Assert.That((diagnostic.Id, diagnostic.Column), Is.EqualTo(("VMS0023", 33)));
        Assert.That(diagnostic.Message, Does.Contain("'pa' 0x80200000 of a 1 GiB map"));
    }

    [Test]
    public void Segment_with_limit_or_size()
    {
        var limit = Step<SegmentStep>("segment: { selector: 1, base: 0x2000, limit: 0x1FF, perm: rw }", "segmentation");
        Assert.That(limit, Is.EqualTo(new SegmentStep(limit.Span, 1, 0x2000, 0x1FF, Perm.Read | Perm.Write, GrowDirection.Up)));
        var size = Step<SegmentStep>("segment: { selector: 2, base: 0x9000, size: 4KiB, perm: r, grows: down }", "segmentation");
        Assert.That((size.Limit, size.Size, size.Grows), Is.EqualTo((0xFFFUL, 4096UL, GrowDirection.Down)));
    }

    [Test]
    public void A_segment_may_be_as_large_as_its_whole_offset_space_and_no_larger()
    {
        // size is limit + 1, so 2^offset-bits bytes is the largest segment, with limit 2^offset-bits - 1.
        const string explicit16 = "description: d\nmmu: [segmentation]\nsegmentation: { offset-bits: 16 }\nsteps:\n  - ";
        var whole = (SegmentStep)Yaml.Valid(explicit16 + "segment: { selector: 1, base: 0, size: 64KiB, perm: r }\n").Steps.Single();
        Assert.That(whole.Limit, Is.EqualTo(0xFFFFUL));
        Assert.That(Yaml.Ids(explicit16 + "segment: { selector: 1, base: 0, size: 0x1_0001, perm: r }\n"), Is.EqualTo(new[] { "VMS0008" }));
    }

    [TestCase("segment: { selector: 1, base: 0, limit: 1, size: 2, perm: r }", "VMS0031")]
    [TestCase("segment: { selector: 1, base: 0, size: 0, perm: r }", "VMS0008")]
    [TestCase("segment: { selector: 1, base: 0, limit: 0x1_0000_0000, perm: r }", "VMS0008")]
    [TestCase("segment: { selector: 1, base: 0, size: 4KiB, perm: r, grows: sideways }", "VMS0011")]
    [TestCase("segment: { selector: 1, base: 0, size: 4KiB }", "VMS0005")]
    public void Segment_errors(string step, string id)
    {
        Assert.That(Yaml.Ids("description: d\nmmu: [segmentation]\nsteps:\n  - " + step + "\n"), Is.EqualTo(new[] { id }));
    }

    [Test]
    public void A_top_bits_selector_must_fit_in_selector_bits()
    {
        // The top selector-bits of an address pick the segment, so a wider selector could never be picked.
        const string topBits = "description: d\nmmu: [segmentation]\nsegmentation: { mode: top-bits, address-bits: 16, selector-bits: 2 }\nsteps:\n  - ";
        Assert.That(((SegmentStep)Yaml.Valid(topBits + "segment: { selector: 3, base: 0, size: 4KiB, perm: r }\n").Steps.Single()).Selector, Is.EqualTo(3UL));
        Assert.That(Yaml.Ids(topBits + "segment: { selector: 4, base: 0, size: 4KiB, perm: r }\n"), Is.EqualTo(new[] { "VMS0008" }));
    }

    [Test]
    public void Shorthands_are_user_mode_accesses()
    {
        var scenario = Yaml.Valid(Yaml.Header + "  - read: 0x1000\n  - write: 0x2000\n  - execute: 0x3000\n");
        Assert.That(scenario.Steps.Cast<AccessStep>().Select(s => (s.Op, s.Mode, s.Sum, s.Mxr, s.Expect)), Is.EqualTo(new[]
        {
            (AccessOp.Read, PrivilegeMode.User, (bool?)null, (bool?)null, (AccessExpect?)null),
            (AccessOp.Write, PrivilegeMode.User, null, null, null),
            (AccessOp.Execute, PrivilegeMode.User, null, null, null),
        }));
    }

    [Test]
    public void Access_without_a_mode_is_a_user_mode_access()
    {
        // The format: "The default privilege mode of an access is `user`", for the long form too.
        var step = Step<AccessStep>("access: { va: 0x1000, op: read }");
        Assert.That((step.Mode, step.Sum, step.Mxr), Is.EqualTo((PrivilegeMode.User, (bool?)null, (bool?)null)));
    }

    [Test]
    public void Access_with_overrides_and_expectations()
    {
        var step = Step<AccessStep>("access: { va: 0x1000, op: execute, mode: supervisor, sum: true, mxr: false }\n    expect: { fault: instruction-page-fault, reason: permission, tlb: miss }");
        Assert.That((step.Op, step.Mode, step.Sum, step.Mxr), Is.EqualTo((AccessOp.Execute, PrivilegeMode.Supervisor, (bool?)true, (bool?)false)));
        Assert.That(step.Expect, Is.EqualTo(new AccessExpect(step.Expect!.Span, null, FaultKind.InstructionPageFault, FaultReason.Permission, TlbOutcome.Miss)));
        Assert.That(step.Expect.Span.Line, Is.EqualTo(5));
    }

    [Test]
    public void Access_needs_exactly_one_of_va_and_address()
    {
        Assert.That(Yaml.Ids(Yaml.Header + "  - access: { op: read }\n"), Is.EqualTo(new[] { "VMS0031" }));
        Assert.That(Yaml.Ids(Yaml.Header + "  - access: { va: 1, address: 2, op: read }\n"), Is.EqualTo(new[] { "VMS0031" }));
    }

    [Test]
    public void Every_fault_and_reason_word_is_known()
    {
        string[] faults = { "instruction-page-fault", "load-page-fault", "store-page-fault", "instruction-access-fault", "load-access-fault", "store-access-fault", "segmentation-fault" };
        string[] reasons = { "invalid", "reserved", "no-leaf", "permission", "misaligned-superpage", "non-canonical", "not-accessed", "not-dirty", "out-of-range", "limit", "selector" };
        var parsedFaults = faults.Select(f => Step<AccessStep>($"read: 0x1000\n    expect: {{ fault: {f} }}").Expect!.Fault!.Value);
        var parsedReasons = reasons.Select(r => Step<AccessStep>($"read: 0x1000\n    expect: {{ fault: load-page-fault, reason: {r} }}").Expect!.Reason!.Value);
        Assert.That(parsedFaults, Is.EqualTo(Enum.GetValues<FaultKind>()));
        Assert.That(parsedReasons, Is.EqualTo(Enum.GetValues<FaultReason>()));
    }

    [Test]
    public void Load_and_store_on_the_bare_mmu()
    {
        var load = Step<LoadStep>("load: { va: 0x1000 }\n    expect: { value: 0xDEAD_BEEF }");
        Assert.That(load, Is.EqualTo(new LoadStep(load.Span, new LiteralAddress(0x1000), 8, null, new DataExpect(load.Expect!.Span, 0xDEAD_BEEF, null, null, null, null, null))));
        var store = Step<StoreStep>("store: { va: 0x1000, size: 2, value: 0xFFFF }\n    expect: { fault: store-access-fault, tlb: hit }");
        Assert.That((store.Size, store.Value, store.Pid, store.Expect!.Fault, store.Expect.Tlb), Is.EqualTo((2, 0xFFFFUL, (uint?)null, (FaultKind?)FaultKind.StoreAccessFault, (TlbOutcome?)TlbOutcome.Hit)));
    }

    [Test]
    public void Load_and_store_with_a_pid_expect_signals_or_errors()
    {
        var scenario = Yaml.Valid(Yaml.Header +
            "  - load: { pid: 1, va: 0x1000, size: 4 }\n    expect: { signal: SIGSEGV }\n" +
            "  - store: { pid: 2, va: 0x1000, value: 1 }\n    expect: { signal: SIGKILL }\n" +
            "  - load: { pid: 3, va: 0x1000 }\n    expect: { error: invalid }\n");
        Assert.That(((LoadStep)scenario.Steps[0]).Expect!.Signal, Is.EqualTo(ProcessSignal.Sigsegv));
        Assert.That(((StoreStep)scenario.Steps[1]).Expect!.Signal, Is.EqualTo(ProcessSignal.Sigkill));
        Assert.That(((LoadStep)scenario.Steps[2]).Expect!.Error, Is.EqualTo(KernelError.Invalid));
        Assert.That(((LoadStep)scenario.Steps[2]).Pid, Is.EqualTo(3));
    }

    [TestCase("load: { pid: 1, va: 0x1000 }\n    expect: { fault: load-page-fault }", "VMS0039")]
    [TestCase("load: { va: 0x1000 }\n    expect: { error: invalid }", "VMS0039")]
    [TestCase("load: { pid: 1, va: 0x1000 }\n    expect: { value: 0, tlb: hit }", "VMS0039")]
    [TestCase("read: 0x1000\n    expect: {}", "VMS0032")]
    [TestCase("load: { va: 0x1000 }\n    expect: {}", "VMS0032")]
    [TestCase("store: { pid: 1, va: 0x1000, value: 1 }\n    expect: { tlb: miss }", "VMS0039")]
    [TestCase("load: { pid: 1, va: 0x1000 }\n    expect: { value: 1, signal: SIGSEGV }", "VMS0022")]
    [TestCase("load: { va: 0x1000, size: 1 }\n    expect: { value: 0x100 }", "VMS0036")]
    [TestCase("load: { va: 0x1000, size: 4 }\n    expect: { value: 0x1_0000_0000 }", "VMS0036")]
    [TestCase("store: { va: 0x1000, value: 1 }\n    expect: { value: 1 }", "VMS0019")]
    [TestCase("store: { va: 0x1000 }", "VMS0005")]
    [TestCase("load: { va: 0x1000, pid: 0x1_0000_0000 }", "VMS0007")]
    [TestCase("load: { va: 0x1000, pid: -1 }", "VMS0006")]
    [TestCase("load: { va: 0x1000, size: 16 }", "VMS0035")]
    [TestCase("store: { va: 0x1000, size: 16, value: 1 }", "VMS0035")]
    [TestCase("load: { pid: 1, va: 0x1000 }\n    expect: { value: 1, error: invalid }", "VMS0022")]
    public void Data_errors(string step, string id)
    {
        Assert.That(Yaml.Ids(Yaml.Header + "  - " + step + "\n"), Is.EqualTo(new[] { id }));
    }

    [Test]
    public void Observation_steps()
    {
        var scenario = Yaml.Valid(Yaml.Header +
            "  - snapshot: after-map-2\n" +
            "  - stats: {}\n    expect: { tlb-hits: 1, tlb-misses: 2, walks: 3, pte-reads: 9 }\n" +
            "  - frames: {}\n    expect: { free: 4090, used: 6 }\n" +
            "  - stats: {}\n" +
            "  - tick: 5\n");
        Assert.That(scenario.Steps[0], Is.EqualTo(new SnapshotStep(scenario.Steps[0].Span, "after-map-2")));
        var stats = (StatsStep)scenario.Steps[1];
        Assert.That(stats.Expect, Is.EqualTo(new StatsExpect(stats.Expect!.Span, 1, 2, 3, 9)));
        var frames = (FramesStep)scenario.Steps[2];
        Assert.That(frames.Expect, Is.EqualTo(new FramesExpect(frames.Expect!.Span, 4090, 6)));
        Assert.That(((StatsStep)scenario.Steps[3]).Expect, Is.Null);
        Assert.That(((TickStep)scenario.Steps[4]).Ticks, Is.EqualTo(5));
    }

    [TestCase("stats: { walks: 1 }", "VMS0003")]
    [TestCase("frames: 3", "VMS0002")]
    [TestCase("tick: soon", "VMS0006")]
    [TestCase("snapshot: -start", "VMS0024")]
    [TestCase("stats: {}\n    expect: { free: 1 }", "VMS0019")]
    [TestCase("tick: 1\n    expect: {}", "VMS0020")]
    public void Observation_errors(string step, string id)
    {
        Assert.That(Yaml.Ids(Yaml.Header + "  - " + step + "\n"), Is.EqualTo(new[] { id }));
    }

    [Test]
    public void Process_steps()
    {
        var scenario = Yaml.Valid(Yaml.Header +
            "  - spawn: { pid: 1, break: 0x20_0000 }\n" +
            "  - spawn: { pid: 9 }\n    expect: { error: out-of-memory }\n" +
            "  - fork: { parent: 1, child: 2 }\n" +
            "  - vfork: { parent: 1, child: 3 }\n" +
            "  - switch: { pid: 2 }\n" +
            "  - sbrk: { pid: 1, bytes: -4KiB, as: old }\n    expect: { value: 0x20_0000 }\n" +
            "  - mmap: { pid: 1, length: 8KiB, perm: \"\", shared: true, as: guard }\n    expect: { va: 0x3F_FFFF_E000 }\n" +
            "  - munmap: { pid: 1, va: guard+0x1000, length: 4KiB }\n    expect: { error: invalid }\n" +
            "  - exit: { pid: 3 }\n");
        var s = scenario.Steps;
        Assert.That(s[0], Is.EqualTo(new SpawnStep(s[0].Span, 1, 0x20_0000, null)));
        Assert.That(((SpawnStep)s[1]).Expect!.Error, Is.EqualTo(KernelError.OutOfMemory));
        Assert.That(s[2], Is.EqualTo(new ForkStep(s[2].Span, 1, 2, null)));
        Assert.That(s[3], Is.EqualTo(new VforkStep(s[3].Span, 1, 3, null)));
        Assert.That(s[4], Is.EqualTo(new SwitchStep(s[4].Span, 2, null)));
        var sbrk = (SbrkStep)s[5];
        Assert.That((sbrk.Pid, sbrk.Bytes, sbrk.As, sbrk.Expect!.Value), Is.EqualTo((1u, -4096L, "old", (AddressExpr)new LiteralAddress(0x20_0000))));
        var mmap = (MmapStep)s[6];
        Assert.That((mmap.Length, mmap.Perm, mmap.Shared, mmap.As, mmap.Expect!.Va), Is.EqualTo((8192UL, Perm.None, true, "guard", (AddressExpr)new LiteralAddress(0x3F_FFFF_E000))));
        var munmap = (MunmapStep)s[7];
        Assert.That((munmap.Va, munmap.Length, munmap.Expect!.Error), Is.EqualTo(((AddressExpr)new NamedAddress("guard", 0x1000), 4096UL, (KernelError?)KernelError.Invalid)));
        Assert.That(s[8], Is.EqualTo(new ExitStep(s[8].Span, 3, null)));
    }

    [Test]
    public void Sbrk_expectation_may_use_a_name()
    {
        var scenario = Yaml.Valid(Yaml.Header + "  - sbrk: { pid: 1, bytes: 4KiB, as: heap }\n  - sbrk: { pid: 1, bytes: 4KiB }\n    expect: { value: heap+0x1000 }\n");
        Assert.That(((SbrkStep)scenario.Steps[1]).Expect!.Value, Is.EqualTo(new NamedAddress("heap", 0x1000)));
    }

    [Test]
    public void Mmap_takes_no_access_only_as_an_empty_quoted_perm()
    {
        // "" is PROT_NONE; a bare 'perm:' is YAML's null, nothing where the required perm goes.
        Assert.That(((MmapStep)Yaml.Step("mmap: { pid: 1, length: 4KiB, perm: '' }")).Perm, Is.EqualTo(Perm.None));
        Assert.That(Yaml.Ids(Yaml.Header + "  - mmap: { pid: 1, length: 4KiB, perm: }\n"), Is.EqualTo(new[] { "VMS0002" }));
    }

    [Test]
    public void Mmap_is_private_unless_shared_is_given()
    {
        Assert.That(((MmapStep)Yaml.Step("mmap: { pid: 1, length: 4KiB, perm: rw }")).Shared, Is.False);
    }

    [Test]
    public void A_zero_length_is_left_for_the_kernel_to_refuse()
    {
        var scenario = Yaml.Valid(Yaml.Header + "  - mmap: { pid: 1, length: 0, perm: r }\n    expect: { error: invalid }\n");
        Assert.That(((MmapStep)scenario.Steps[0]).Length, Is.EqualTo(0UL));
    }

    [TestCase("sbrk: { pid: 1, bytes: 4KiB }\n    expect: { error: out-of-memory, value: 0 }", "VMS0022")]
    [TestCase("mmap: { pid: 1, length: 4KiB, perm: rw }\n    expect: { value: 0 }", "VMS0019")]
    [TestCase("exit: { pid: 1 }\n    expect: { error: crashed }", "VMS0011")]
    [TestCase("mmap: { pid: 1, length: 4KiB, perm: rw }\n    expect: { error: out-of-memory, va: 0x1000 }", "VMS0022")]
    [TestCase("sbrk: { pid: 1, bytes: 4KiB, shared: true }", "VMS0003")]
    [TestCase("spawn: { pid: 1, break: 1MiB }", "VMS0006")]
    [TestCase("exit: { pid: 1 }\n    expect: { value: 0 }", "VMS0019")]
    [TestCase("fork: { parent: 1 }", "VMS0005")]
    [TestCase("spawn: 1", "VMS0002")]
    public void Process_errors(string step, string id)
    {
        Assert.That(Yaml.Ids(Yaml.Header + "  - " + step + "\n"), Is.EqualTo(new[] { id }));
    }

    [Test]
    public void Kernel_steps_need_a_paging_kind()
    {
        var yaml = "description: d\nmmu: [segmentation]\nsteps:\n  - spawn: { pid: 1 }\n  - load: { pid: 1, va: 0x1000 }\n  - segment: { selector: 0, base: 0, size: 4KiB, perm: r }\n";
        Assert.That(Yaml.Ids(yaml), Is.EqualTo(new[] { "VMS0038", "VMS0038" }));
        Assert.That(Yaml.Ids(Yaml.Header + "  - segment: { selector: 0, base: 0, size: 4KiB, perm: r }\n"), Is.EqualTo(new[] { "VMS0038" }));
    }

    [Test]
    public void Step_span_runs_from_the_action_key_to_the_end_of_the_step()
    {
        var step = Yaml.Valid(Yaml.Header + "  - read: 0x1000\n    expect: { pa: 0x8000_1000 }\n  - tick: 1\n").Steps[0];
        Assert.That(step.Span, Has.Property("Line").EqualTo(4).And.Property("Column").EqualTo(5));
        Assert.That(step.Span.EndLine, Is.GreaterThanOrEqualTo(5));
        Assert.That(step.Action, Is.EqualTo("access"));
    }

    [Test]
    public void A_step_with_expect_first_still_spans_from_its_action()
    {
        var step = Yaml.Valid(Yaml.Header + "  - expect: { pa: 0x8000_1000 }\n    read: 0x1000\n").Steps[0];
        Assert.That((step.Span.Line, step.Span.Column), Is.EqualTo((5, 5)));
    }

    [Test]
    public void Every_action_parses()
    {
        // One scenario using all 25 action keys, on kinds that allow them all.
        var yaml = """
            description: d
            mmu: [sv39, segmentation]
            steps:
              - map: { va: 0x1000, perm: r }
              - unmap: { va: 0x1000 }
              - protect: { va: 0x1000, perm: r }
              - pte: { va: 0x1000, level: 2, value: 0 }
              - space: { asid: 1 }
              - sfence: {}
              - segment: { selector: 0, base: 0, size: 4KiB, perm: r }
              - access: { va: 0x1000, op: read }
              - read: 0x1000
              - write: 0x1000
              - execute: 0x1000
              - load: { va: 0x1000 }
              - store: { va: 0x1000, value: 0 }
              - snapshot: s
              - stats: {}
              - frames: {}
              - tick: 1
              - spawn: { pid: 1 }
              - fork: { parent: 1, child: 2 }
              - vfork: { parent: 1, child: 3 }
              - exit: { pid: 3 }
              - switch: { pid: 2 }
              - sbrk: { pid: 2, bytes: 1 }
              - mmap: { pid: 2, length: 1, perm: r }
              - munmap: { pid: 2, va: 0x1000, length: 1 }
            """;
        var actions = Yaml.Valid(yaml).Steps.Select(s => s.GetType().Name);
        Assert.That(actions, Is.EqualTo(new[]
        {
            "MapStep", "UnmapStep", "ProtectStep", "PteStep", "SpaceStep", "SfenceStep", "SegmentStep",
            "AccessStep", "AccessStep", "AccessStep", "AccessStep", "LoadStep", "StoreStep",
            "SnapshotStep", "StatsStep", "FramesStep", "TickStep",
            "SpawnStep", "ForkStep", "VforkStep", "ExitStep", "SwitchStep", "SbrkStep", "MmapStep", "MunmapStep",
        }));
    }
}
