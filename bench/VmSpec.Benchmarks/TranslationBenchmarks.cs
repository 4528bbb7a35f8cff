using BenchmarkDotNet.Attributes;
using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Benchmarks;

/// <summary>
/// The cost of an access through the Sv39 MMU against a raw RAM read: a TLB hit should stay within
/// 2× of the raw read, a miss that walks three levels within 10×. Each operation cycles over
/// <see cref="Pages"/> distinct pages, so a hit is a real lookup and not one address cached by the CPU.
/// The other cases show what the headline ones leave out: a caller that uses the whole translation,
/// a translation without the load, and a miss with the walk traced.
/// </summary>
[MemoryDiagnoser]
public class TranslationBenchmarks
{
    /// <summary>Fewer pages than TLB entries: after the first round every access hits.</summary>
    private const int Pages = 32;
    private const ulong VaBase = 0x4000_0000;
    private const ulong PaBase = MachineOptions.DefaultRamBase + 0x10_0000;

    private Sv39Mmu _mmu = null!;
    private Sv39Mmu _missMmu = null!;
    private Sv39Mmu _tracedMissMmu = null!;
    private readonly ulong[] _vas = new ulong[Pages];
    private readonly ulong[] _pas = new ulong[Pages];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _mmu = MappedMmu(new MachineOptions());
        // A TLB smaller than the page set, cycled in order, misses on every access under LRU.
        _missMmu = MappedMmu(new MachineOptions { Tlb = new VmSpec.Core.Tlb.TlbOptions(Entries: 16) });
        _tracedMissMmu = MappedMmu(new MachineOptions { Tlb = new VmSpec.Core.Tlb.TlbOptions(Entries: 16), TraceWalks = true });
        for (var i = 0; i < Pages; i++)
        {
            // Spread the pages over different level-1 and level-0 entries so walks do not share a line.
            _vas[i] = VaBase + (ulong)i * 0x20_1000 + 0x18;
            _pas[i] = PaBase + (ulong)i * 0x1000 + 0x18;
            _mmu.Load(Access.Read(_vas[i]));
        }
    }

    private static Sv39Mmu MappedMmu(MachineOptions options)
    {
        var mmu = new Sv39Mmu(new Machine(options));
        for (var i = 0UL; i < Pages; i++)
            mmu.Map(VaBase + i * 0x20_1000, PaBase + i * 0x1000, 4096, PteFlags.R | PteFlags.W | PteFlags.U | PteFlags.A | PteFlags.D);
        return mmu;
    }

    [Benchmark(Baseline = true)]
    public ulong RawRead()
    {
        _mmu.Machine.Memory.TryRead(_pas[Next()], 8, out var value);
        return value;
    }

    [Benchmark]
    public ulong LoadTlbHit() => _mmu.Load(Access.Read(_vas[Next()])).Value;

    [Benchmark]
    public ulong LoadThreeLevelWalk() => _missMmu.Load(Access.Read(_vas[Next()])).Value;

    /// <summary>A hit whose caller reads the translation too, so no part of the result can be left unbuilt.</summary>
    [Benchmark]
    public ulong LoadTlbHitWithTranslation()
    {
        var result = _mmu.Load(Access.Read(_vas[Next()]));
        return result.Value ^ result.Translation.PhysicalAddress ^ (ulong)result.Translation.PageSize ^ (result.Translation.TlbHit ? 1UL : 0);
    }

    [Benchmark]
    public ulong TranslateTlbHit() => _mmu.Translate(Access.Read(_vas[Next()])).PhysicalAddress;

    /// <summary>The miss with <see cref="MachineOptions.TraceWalks"/> on, as the scenario runner has it.</summary>
    [Benchmark]
    public ulong LoadThreeLevelWalkTraced() => _tracedMissMmu.Load(Access.Read(_vas[Next()])).Value;

    private int Next()
    {
        var i = _next;
        _next = (i + 1) & (Pages - 1);
        return i;
    }
}
