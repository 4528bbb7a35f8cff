using VmSpec.Runner;
using VmSpec.Runner.Results;
using VmSpec.Runner.Targets;
using VmSpec.Samples.Sv48;
using VmSpec.Scenarios;

namespace VmSpec.Cli.Tests;

/// <summary>
/// The corpus passing proves something only if the runner compares what each step expects. So every
/// expectation the corpus states is made wrong, one at a time, and the run must then fail, at that
/// step: a pa, fault, reason or TLB outcome changed, a value or counter off by one, a signal or a
/// kernel error exchanged for another or for none, a snapshot that is not there.
/// </summary>
public class WrongExpectationTests
{
    private static readonly IReadOnlyList<MmuTarget> Targets = [.. BuiltInTargets.All, MmuTarget.FromType(typeof(Sv48Mmu))];

    // A copy of the corpus, snapshots included: a runner that wrongly writes snapshots writes them there.
    private string _copy = "";

    private IReadOnlyList<Scenario> _corpus = [];

    [OneTimeSetUp]
    public void CopyTheCorpus()
    {
        _copy = Path.Combine(Path.GetTempPath(), "vmspec-" + Guid.NewGuid().ToString("n"), "specs");
        foreach (var file in Directory.GetFiles(RepositoryPaths.Specs, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_copy, Path.GetRelativePath(RepositoryPaths.Specs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        _corpus = Directory.GetFiles(_copy, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => ScenarioParser.Parse(path, File.ReadAllText(path)).Scenario!)
            .ToList();
    }

    [OneTimeTearDown]
    public void RemoveTheCopy() => Directory.Delete(Path.GetDirectoryName(_copy)!, recursive: true);

    [Test]
    public void Every_expectation_of_the_corpus_made_wrong_fails_the_run_at_its_step()
    {
        var escaped = new List<string>();
        var tried = 0;
        foreach (var (scenario, target) in Runs())
        {
            for (var index = 0; index < scenario.Steps.Count; index++)
            {
                foreach (var (what, wrong) in WrongVersions(scenario.Steps[index]))
                {
                    tried++;
                    if (FailsAt(scenario, target, index, wrong) is { } escape)
                        escaped.Add($"{scenario.FilePath} on {target.Name}, step {index + 1}, {what}: {escape}");
                }
            }
        }

        Assert.That(tried, Is.GreaterThan(1000), "the corpus states far more expectations than that");
        Assert.That(escaped, Is.Empty, string.Join("\n", escaped.Take(20)));
    }

    [Test]
    public void Of_two_different_values_for_what_a_step_leaves_unstated_at_least_one_fails()
    {
        // What a step does not state it cannot be wrong about; but two expectations that disagree
        // cannot both hold, so a runner that compares them fails one of them.
        var escaped = new List<string>();
        foreach (var (scenario, target) in Runs())
        {
            for (var index = 0; index < scenario.Steps.Count; index++)
            {
                foreach (var (what, first, second) in DisagreeingAdditions(scenario.Steps[index]))
                {
                    if (FailsAt(scenario, target, index, first) is { } one && FailsAt(scenario, target, index, second) is { } other)
                        escaped.Add($"{scenario.FilePath} on {target.Name}, step {index + 1}, {what}: both passed ({one}; {other})");
                }
            }
        }

        Assert.That(escaped, Is.Empty, string.Join("\n", escaped.Take(20)));
    }

    /// <summary>Each scenario on each MMU it runs on, where it passes as written (the corpus test asserts that it does).</summary>
    private IEnumerable<(Scenario Scenario, MmuTarget Target)> Runs() =>
        from scenario in _corpus
        from target in Targets
        where Applicability.SkipReason(scenario, target) is null
        where new ScenarioRunner().Run(scenario, target).Outcome == Outcome.Passed
        select (scenario, target);

    /// <summary>Null when the scenario, with its step at <paramref name="index"/> replaced, fails at that step; otherwise what happened.</summary>
    private static string? FailsAt(Scenario scenario, MmuTarget target, int index, Step replacement)
    {
        var steps = scenario.Steps.ToArray();
        var original = steps[index];
        steps[index] = replacement;
        var result = new ScenarioRunner().Run(scenario with { Steps = EquatableArray.Create(steps) }, target);
        if (result.Outcome != Outcome.Failed)
            return $"it {result.Outcome.ToString().ToLowerInvariant()}";
        var location = ScenarioRunner.Location(scenario, original.Span) + ":";
        return result.Message is { } message && message.StartsWith(location, StringComparison.Ordinal)
            ? null
            : $"it failed elsewhere: {result.Message}";
    }

    private static IEnumerable<(string What, Step Wrong)> WrongVersions(Step step)
    {
        switch (step)
        {
            case AccessStep access:
                foreach (var (what, expect) in WrongTranslations(access.Expect ?? new AccessExpect(default, null, null, null, null), FaultOf(access.Op)))
                    yield return (what, access with { Expect = expect });
                break;
            case LoadStep { Pid: null } load:
                foreach (var (what, expect) in WrongData(load.Expect, FaultKind.LoadPageFault, load.Size))
                    yield return (what, load with { Expect = expect });
                break;
            case StoreStep { Pid: null } store:
                foreach (var (what, expect) in WrongData(store.Expect, FaultKind.StorePageFault, size: null))
                    yield return (what, store with { Expect = expect });
                break;
            case LoadStep load:
                foreach (var (what, expect) in WrongProcessData(load.Expect, load.Size))
                    yield return (what, load with { Expect = expect });
                break;
            case StoreStep store:
                foreach (var (what, expect) in WrongProcessData(store.Expect, size: null))
                    yield return (what, store with { Expect = expect });
                break;
            case SpawnStep spawn:
                foreach (var (what, expect) in WrongKernel(spawn.Expect))
                    yield return (what, spawn with { Expect = expect });
                break;
            case ForkStep fork:
                foreach (var (what, expect) in WrongKernel(fork.Expect))
                    yield return (what, fork with { Expect = expect });
                break;
            case VforkStep vfork:
                foreach (var (what, expect) in WrongKernel(vfork.Expect))
                    yield return (what, vfork with { Expect = expect });
                break;
            case ExitStep exit:
                foreach (var (what, expect) in WrongKernel(exit.Expect))
                    yield return (what, exit with { Expect = expect });
                break;
            case SwitchStep @switch:
                foreach (var (what, expect) in WrongKernel(@switch.Expect))
                    yield return (what, @switch with { Expect = expect });
                break;
            case SbrkStep sbrk:
                foreach (var (what, expect) in WrongKernel(sbrk.Expect))
                    yield return (what, sbrk with { Expect = expect });
                break;
            case MmapStep mmap:
                foreach (var (what, expect) in WrongKernel(mmap.Expect))
                    yield return (what, mmap with { Expect = expect });
                break;
            case MunmapStep munmap:
                foreach (var (what, expect) in WrongKernel(munmap.Expect))
                    yield return (what, munmap with { Expect = expect });
                break;
            case StatsStep { Expect: { } stats } counted:
                if (stats.TlbHits is { } hits) yield return ("tlb-hits", counted with { Expect = stats with { TlbHits = hits ^ 1 } });
                if (stats.TlbMisses is { } misses) yield return ("tlb-misses", counted with { Expect = stats with { TlbMisses = misses ^ 1 } });
                if (stats.Walks is { } walks) yield return ("walks", counted with { Expect = stats with { Walks = walks ^ 1 } });
                if (stats.PteReads is { } reads) yield return ("pte-reads", counted with { Expect = stats with { PteReads = reads ^ 1 } });
                break;
            case FramesStep { Expect: { } frames } allocated:
                if (frames.Free is { } free) yield return ("free", allocated with { Expect = frames with { Free = free ^ 1 } });
                if (frames.Used is { } used) yield return ("used", allocated with { Expect = frames with { Used = used ^ 1 } });
                break;
            case SnapshotStep snapshot:
                yield return ("a snapshot never written", snapshot with { Label = snapshot.Label + "-never-written" });
                break;
        }
    }

    /// <summary>A translation's expectations: pa, fault, reason and TLB outcome, each changed; a fault for a success and a success for a fault.</summary>
    private static IEnumerable<(string What, AccessExpect Wrong)> WrongTranslations(AccessExpect expect, FaultKind natural)
    {
        if (expect.Pa is { } pa)
            yield return ("pa", expect with { Pa = pa ^ 1 });
        if (expect.Fault is { } fault)
        {
            yield return ("another fault", expect with { Fault = Next(fault) });
            yield return ("success for a fault", expect with { Fault = null, Reason = null });
        }
        else
        {
            yield return ("a fault for a success", expect with { Pa = null, Fault = natural, Tlb = null });
        }
        if (expect.Reason is { } reason)
            yield return ("another reason", expect with { Reason = Next(reason) });
        if (expect.Tlb is { } tlb)
            yield return ("the other TLB outcome", expect with { Tlb = tlb == TlbOutcome.Hit ? TlbOutcome.Miss : TlbOutcome.Hit });
    }

    private static IEnumerable<(string What, DataExpect Wrong)> WrongData(DataExpect? expect, FaultKind natural, int? size)
    {
        var stated = expect ?? NoData;
        var translation = new AccessExpect(stated.Span, null, stated.Fault, stated.Reason, stated.Tlb);
        foreach (var (what, wrong) in WrongTranslations(translation, natural))
            yield return (what, stated with { Fault = wrong.Fault, Reason = wrong.Reason, Tlb = wrong.Tlb, Value = wrong.Fault is null ? stated.Value : null });
        foreach (var wrong in WrongValues(stated, size))
            yield return wrong;
    }

    private static IEnumerable<(string What, DataExpect Wrong)> WrongProcessData(DataExpect? expect, int? size)
    {
        var stated = expect ?? NoData;
        foreach (var wrong in WrongValues(stated, size))
            yield return wrong;
        if (stated.Error is { } error)
        {
            yield return ("another error", stated with { Error = Other(error) });
            yield return ("success for an error", stated with { Error = null });
        }
        else
        {
            yield return ("SIGSEGV for what it did", stated with { Signal = stated.Signal == ProcessSignal.Sigsegv ? null : ProcessSignal.Sigsegv, Value = null });
            yield return ("SIGKILL for what it did", stated with { Signal = stated.Signal == ProcessSignal.Sigkill ? null : ProcessSignal.Sigkill, Value = null });
            yield return ("out-of-memory for what it did", stated with { Error = KernelError.OutOfMemory, Signal = null, Value = null });
        }
    }

    /// <summary>A loaded value off in its lowest bit, and in the highest bit of the bytes loaded: every byte counts.</summary>
    private static IEnumerable<(string What, DataExpect Wrong)> WrongValues(DataExpect stated, int? size)
    {
        if (size is not { } bytes || stated.Value is not { } value)
            yield break;
        yield return ("value's lowest bit", stated with { Value = value ^ 1 });
        yield return ("value's highest bit", stated with { Value = value ^ (1UL << (8 * bytes - 1)) });
    }

    private static IEnumerable<(string What, KernelExpect Wrong)> WrongKernel(KernelExpect? expect)
    {
        var stated = expect ?? new KernelExpect(default, null, null, null);
        if (stated.Error is { } error)
        {
            yield return ("another error", stated with { Error = Other(error) });
            yield return ("success for an error", stated with { Error = null });
        }
        else
        {
            yield return ("invalid for a success", stated with { Error = KernelError.Invalid, Value = null, Va = null });
            yield return ("out-of-memory for a success", stated with { Error = KernelError.OutOfMemory, Value = null, Va = null });
        }
        if (stated.Value is { } old)
            yield return ("the old break", stated with { Value = Moved(old) });
        if (stated.Va is { } va)
            yield return ("the mapped va", stated with { Va = Moved(va) });
    }

    /// <summary>For what a step leaves unstated, two expectations of which at most one can hold.</summary>
    private static IEnumerable<(string What, Step First, Step Second)> DisagreeingAdditions(Step step)
    {
        switch (step)
        {
            // A TLB outcome holds for a fault too: a hit whose permissions fail is still a hit.
            case AccessStep { Expect.Tlb: null } or AccessStep { Expect: null }:
                var access = (AccessStep)step;
                var translation = access.Expect ?? new AccessExpect(default, null, null, null, null);
                yield return ("tlb", access with { Expect = translation with { Tlb = TlbOutcome.Hit } }, access with { Expect = translation with { Tlb = TlbOutcome.Miss } });
                break;
            case LoadStep { Pid: null } load:
                var data = load.Expect ?? NoData;
                if (data.Tlb is null)
                    yield return ("tlb", load with { Expect = data with { Tlb = TlbOutcome.Hit } }, load with { Expect = data with { Tlb = TlbOutcome.Miss } });
                if (data is { Value: null, Fault: null })
                    yield return ("value", load with { Expect = data with { Value = 0 } }, load with { Expect = data with { Value = 1 } });
                break;
            case StoreStep { Pid: null } store:
                var stored = store.Expect ?? NoData;
                if (stored.Tlb is null)
                    yield return ("tlb", store with { Expect = stored with { Tlb = TlbOutcome.Hit } }, store with { Expect = stored with { Tlb = TlbOutcome.Miss } });
                break;
            case LoadStep { Pid: not null, Expect.Value: null, Expect.Signal: null, Expect.Error: null } or LoadStep { Pid: not null, Expect: null }:
                var processLoad = (LoadStep)step;
                var read = processLoad.Expect ?? NoData;
                yield return ("value", processLoad with { Expect = read with { Value = 0 } }, processLoad with { Expect = read with { Value = 1 } });
                break;
            case SbrkStep { Expect.Value: null, Expect.Error: null } or SbrkStep { Expect: null }:
                var sbrk = (SbrkStep)step;
                var grown = sbrk.Expect ?? new KernelExpect(default, null, null, null);
                yield return ("value", sbrk with { Expect = grown with { Value = new LiteralAddress(0) } }, sbrk with { Expect = grown with { Value = new LiteralAddress(1) } });
                break;
            case MmapStep { Expect.Va: null, Expect.Error: null } or MmapStep { Expect: null }:
                var mmap = (MmapStep)step;
                var mapped = mmap.Expect ?? new KernelExpect(default, null, null, null);
                yield return ("va", mmap with { Expect = mapped with { Va = new LiteralAddress(0) } }, mmap with { Expect = mapped with { Va = new LiteralAddress(1) } });
                break;
            case StatsStep stats:
                var counters = stats.Expect ?? new StatsExpect(default, null, null, null, null);
                if (counters.TlbHits is null) yield return ("tlb-hits", stats with { Expect = counters with { TlbHits = 0 } }, stats with { Expect = counters with { TlbHits = 1 } });
                if (counters.TlbMisses is null) yield return ("tlb-misses", stats with { Expect = counters with { TlbMisses = 0 } }, stats with { Expect = counters with { TlbMisses = 1 } });
                if (counters.Walks is null) yield return ("walks", stats with { Expect = counters with { Walks = 0 } }, stats with { Expect = counters with { Walks = 1 } });
                if (counters.PteReads is null) yield return ("pte-reads", stats with { Expect = counters with { PteReads = 0 } }, stats with { Expect = counters with { PteReads = 1 } });
                break;
            case FramesStep frames:
                var allocator = frames.Expect ?? new FramesExpect(default, null, null);
                if (allocator.Free is null) yield return ("free", frames with { Expect = allocator with { Free = 0 } }, frames with { Expect = allocator with { Free = 1 } });
                if (allocator.Used is null) yield return ("used", frames with { Expect = allocator with { Used = 0 } }, frames with { Expect = allocator with { Used = 1 } });
                break;
        }
    }

    private static readonly DataExpect NoData = new(default, null, null, null, null, null, null);

    private static FaultKind FaultOf(AccessOp op) => op switch
    {
        AccessOp.Write => FaultKind.StorePageFault,
        AccessOp.Execute => FaultKind.InstructionPageFault,
        _ => FaultKind.LoadPageFault,
    };

    private static T Next<T>(T value) where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[(Array.IndexOf(values, value) + 1) % values.Length];
    }

    private static KernelError Other(KernelError error) => error == KernelError.Invalid ? KernelError.OutOfMemory : KernelError.Invalid;

    private static AddressExpr Moved(AddressExpr address) => address switch
    {
        LiteralAddress literal => new LiteralAddress(literal.Value ^ 1),
        NamedAddress named => named with { Offset = named.Offset ^ 1 },
        _ => throw new ArgumentException($"an address a kernel call returns is never {address}", nameof(address)),
    };
}
