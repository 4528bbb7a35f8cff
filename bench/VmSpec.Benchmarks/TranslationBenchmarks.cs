using System.Runtime.CompilerServices;
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
/// a translation without the load, a miss with the walk traced, and the floor under any walk.
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
    private ulong _missRoot;
    private BareMissPath _bareMiss = null!;
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
        _missRoot = _missMmu.RootOf(_missMmu.CurrentAsid)!.Value;
        _bareMiss = new BareMissPath(_missMmu.Machine.Memory, _missRoot);
        foreach (var va in _vas)
        {
            if (PhysicalAddressByChain(va) != _missMmu.Translate(Access.Read(va)).PhysicalAddress)
                throw new InvalidOperationException($"The bare chain of reads does not walk to where the MMU translates 0x{va:x}.");
            if (_bareMiss.Load(va) != _missMmu.Load(Access.Read(va)).Value)
                throw new InvalidOperationException($"The bare miss path does not load what the MMU loads at 0x{va:x}.");
        }
    }

    private static Sv39Mmu MappedMmu(MachineOptions options)
    {
        var mmu = new Sv39Mmu(new Machine(options));
        for (var i = 0UL; i < Pages; i++)
        {
            mmu.Map(VaBase + i * 0x20_1000, PaBase + i * 0x1000, 4096, PteFlags.R | PteFlags.W | PteFlags.U | PteFlags.A | PteFlags.D);
            // Data worth reading: every case then reads bytes a frame holds, not a free frame's boot word.
            mmu.Machine.Memory.TryWrite(PaBase + i * 0x1000 + 0x18, 8, i + 1);
        }
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

    /// <summary>
    /// The floor under <see cref="LoadThreeLevelWalk"/>: the four reads its walk makes (three PTEs,
    /// then the data), each address taken from the value read before, and no other work at all.
    /// Unlike <see cref="RawRead"/>'s independent reads, these cannot overlap one another.
    /// </summary>
    [Benchmark]
    public ulong FourDependentReads()
    {
        _missMmu.Machine.Memory.TryRead(PhysicalAddressByChain(_vas[Next()]), 8, out var value);
        return value;
    }

    /// <summary>
    /// The floor under any miss path, not just under its reads: <see cref="BareMissPath"/> misses a
    /// 16-entry TLB on every access, as <see cref="LoadThreeLevelWalk"/> does, and does only the
    /// least a miss must: the lookup, the walk with one test per entry, the LRU choice and the fill.
    /// </summary>
    [Benchmark]
    public ulong BareMiss() => _bareMiss.Load(_vas[Next()]);

    /// <summary>The three-level walk of va as bare reads: no checks, no TLB, no counters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong PhysicalAddressByChain(ulong va)
    {
        var memory = _missMmu.Machine.Memory;
        var table = _missRoot;
        for (var level = 2; level >= 0; level--)
        {
            memory.TryReadUInt64(table + ((va >> (12 + 9 * level)) & 511) * Pte.Size, out var raw);
            table = new Pte(raw).Ppn << 12;
        }
        return table | (va & 0xfff);
    }

    private int Next()
    {
        var i = _next;
        _next = (i + 1) & (Pages - 1);
        return i;
    }
}
