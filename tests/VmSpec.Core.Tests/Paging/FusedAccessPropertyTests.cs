using CsCheck;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using VmSpec.Core.Tlb;

namespace VmSpec.Core.Tests.Paging;

/// <summary>
/// The fused load and store, and translations answered by the hit cache, against the reference:
/// the same operations on a second MMU whose hit cache is bypassed, with loads and stores done as
/// <see cref="MemoryPath.TranslateAndLoad"/> and <see cref="MemoryPath.TranslateAndStore"/>. Every
/// result, the counters, the TLB's entries and the bytes of RAM must come out the same, whatever
/// the tables, the TLB geometry, the status bits, frames zeroed or copied under a cached page, or
/// accesses that straddle pages or land outside RAM.
/// </summary>
public sealed class FusedAccessPropertyTests
{
    private const ulong Ram = MachineOptions.DefaultRamBase;
    private const ulong RamSize = 256UL << 10;
    private const int DataFrames = 8;

    [Test]
    public void Fused_accesses_agree_with_translate_then_memory()
    {
        Gen.Select(GenOptions, GenOp.Array[1, 60]).Sample((options, ops) =>
        {
            var fused = new Sv39Mmu(new Machine(options));
            var reference = new Sv39Mmu(new Machine(options));
            reference.BypassHitCache();

            for (var i = 0; i < ops.Length; i++)
            {
                var step = $"op {i}: {ops[i]}";
                Assert.That(ops[i].Apply(fused, fusedPath: true), Is.EqualTo(ops[i].Apply(reference, fusedPath: false)), step);
                Assert.That(Counters(fused), Is.EqualTo(Counters(reference)), step);
                Assert.That(fused.Tlb.Entries, Is.EqualTo(reference.Tlb.Entries), step);
            }
            Assert.That(DataBytes(fused), Is.EqualTo(DataBytes(reference)), "RAM after the run");
        }, iter: 3_000, threads: 1);
    }

    private static (long, long, long, long) Counters(IMmu mmu) =>
        (mmu.Counters.TlbHits, mmu.Counters.TlbMisses, mmu.Counters.Walks, mmu.Counters.PteReads);

    private static ulong[] DataBytes(IMmu mmu)
    {
        var words = new ulong[DataFrames * 512];
        for (var i = 0; i < words.Length; i++)
            mmu.Machine.Memory.TryReadUInt64(Ram + (ulong)i * 8, out words[i]);
        return words;
    }

    private static readonly Gen<MachineOptions> GenOptions = Gen.Select(
        Gen.OneOf(2, 4, 16, 64), Gen.Bool, Gen.Bool, Gen.Enum<AdMode>(), Gen.Bool, Gen.Bool, Gen.Bool,
        (entries, twoWays, asidTagged, ad, sum, mxr, trace) => new MachineOptions
        {
            RamSize = RamSize,
            Tlb = new TlbOptions(entries, twoWays ? 2 : null, asidTagged),
            Sv39 = new Sv39Options(ad, sum, mxr),
            TraceWalks = trace,
        });

    // Few pages, so that accesses come back to them and hit; two of them start megapages.
    private static readonly Gen<ulong> GenPage = Gen.Int[0, 5].Select(i => i < 4 ? 0x4000_0000UL + ((ulong)i << 12) : 0x8000_0000UL + ((ulong)(i - 4) << 21));

    private static readonly Gen<ulong> GenVa = Gen.Select(GenPage, Gen.Frequency(
        (4, Gen.ULong[0, 0xFFF].Select(o => o & ~7UL)),
        (2, Gen.ULong[0, 0xFFF]),
        (1, Gen.ULong[0xFF9, 0xFFF])), (page, offset) => page + offset);

    private static readonly Gen<ulong> GenFrame = Gen.Frequency(
        (8, Gen.ULong[0, DataFrames - 1].Select(f => Ram + (f << 12))),
        (1, Gen.Const(Ram + RamSize)),        // just past RAM: accesses there are access faults
        (1, Gen.Const(Ram + RamSize - 4096)));  // where the allocator put the root table

    // Mostly pages a user may read and write, so that accesses hit; any flags now and then.
    private static readonly Gen<PteFlags> GenFlags = Gen.Frequency(
        (2, Gen.Const(PagingTestKit.UserRwAd)),
        (3, Gen.Select(
            Gen.OneOf(PteFlags.R, PteFlags.Rw, PteFlags.Rx, PteFlags.X, PteFlags.Rwx), Gen.Byte,
            (perms, extra) => perms | (PteFlags)(extra & (byte)(PteFlags.U | PteFlags.G | PteFlags.A | PteFlags.D)))));

    // Mostly user accesses under the machine's SUM and MXR, the ones the hit cache answers.
    private static readonly Gen<Access> GenAccess = Gen.Frequency(
        (2, Gen.Select(GenVa, Gen.Enum<AccessType>(), (va, type) => new Access(va, type))),
        (1, Gen.Select(
            GenVa, Gen.Enum<AccessType>(), Gen.Enum<PrivilegeMode>(), Gen.Int[0, 8],
            (va, type, mode, status) => new Access(va, type, mode,
                Sum: status switch { 1 => true, 2 => false, _ => null },
                Mxr: status switch { 3 => true, 4 => false, _ => null }))));

    // An access done again at once is the one the hit cache answers.
    private static readonly Gen<int> GenTimes = Gen.Int[1, 3];

    private static readonly Gen<int> GenSize = Gen.Frequency((6, Gen.Const(8)), (3, Gen.OneOf(1, 2, 4)), (1, Gen.Const(3)));

    private static readonly Gen<Op> GenOp = Gen.Frequency(
        (3, Gen.Select(GenPage, GenFrame, GenFlags, Gen.Bool, (va, pa, flags, small) => (Op)new MapOp(va, pa, flags, small))),
        (1, Gen.Select(GenPage, Gen.Bool, (va, small) => (Op)new UnmapOp(va, small))),
        (1, Gen.Select(GenPage, GenFlags, Gen.Bool, (va, flags, small) => (Op)new ProtectOp(va, flags, small))),
        (1, Gen.Select(GenPage, Gen.Int[0, 2], Gen.ULong, (va, level, raw) => (Op)new WritePteOp(va, level, raw))),
        (1, Gen.Select(GenPage, Gen.UShort[0, 2], Gen.Int[0, 3], (va, asid, form) =>
            (Op)new SfenceOp((form & 1) != 0 ? va : null, (form & 2) != 0 ? asid : null))),
        (2, Gen.UShort[0, 2].Select(asid => (Op)new SwitchOp(asid))),
        (1, Gen.Int[0, DataFrames - 1].Select(f => (Op)new ZeroFrameOp(Ram + ((ulong)f << 12)))),
        (1, Gen.Select(Gen.Int[0, DataFrames - 1], Gen.Int[0, DataFrames - 1], (from, to) => (Op)new CopyFrameOp(Ram + ((ulong)from << 12), Ram + ((ulong)to << 12)))),
        (1, Gen.Select(Gen.ULong[0, DataFrames * 4096UL - 1], GenSize, Gen.ULong, (offset, size, value) => (Op)new RamWriteOp(Ram + offset, size, value))),
        (8, Gen.Select(GenAccess, GenSize, GenTimes, (access, size, times) => (Op)new LoadOp(access, size, times))),
        (4, Gen.Select(GenAccess, GenSize, Gen.ULong, GenTimes, (access, size, value, times) => (Op)new StoreOp(access with { Type = AccessType.Write }, size, value, times))),
        (2, GenAccess.Select(access => (Op)new TranslateOp(access))));

    /// <summary>One step of a run; what it returns is what both MMUs must agree on.</summary>
    private abstract record Op
    {
        public abstract string Apply(Sv39Mmu mmu, bool fusedPath);

        /// <summary>The access's result, or that its size was refused: both paths must refuse the same sizes, before counting anything.</summary>
        protected static string Refused(Func<string> access)
        {
            try
            {
                return access();
            }
            catch (ArgumentOutOfRangeException refused) when (refused.ParamName == "size")
            {
                return "size refused";
            }
        }

        protected static string Show(Translation t) => $"{t} level {t.Level} size {t.PageSize} hit {t.TlbHit} walk {t.Walk}";

        protected static string Show(MemoryResult result) => $"{Show(result.Translation)} value 0x{result.Value:x}"
            + (result.Portions is { } portions ? " portions " + string.Join(", ", portions.Select(p => $"0x{p.Address:x}: {Show(p.Translation)}")) : "");
    }

    private sealed record MapOp(ulong Va, ulong Pa, PteFlags Flags, bool Small) : Op
    {
        public override string Apply(Sv39Mmu mmu, bool fusedPath) =>
            mmu.Map(Va, Pa & ~(Size(Va, Small) - 1), Size(Va, Small), Flags).ToString();

        // The pages past 0x8000_0000 are mapped as megapages, or as the base page at their start.
        public static ulong Size(ulong va, bool small) => va >= 0x8000_0000 && !small ? 2UL << 20 : 4096;
    }

    private sealed record UnmapOp(ulong Va, bool Small) : Op
    {
        public override string Apply(Sv39Mmu mmu, bool fusedPath) => mmu.Unmap(Va, MapOp.Size(Va, Small)).ToString();
    }

    private sealed record ProtectOp(ulong Va, PteFlags Permissions, bool Small) : Op
    {
        public override string Apply(Sv39Mmu mmu, bool fusedPath) => mmu.Protect(Va, MapOp.Size(Va, Small), Permissions).ToString();
    }

    private sealed record WritePteOp(ulong Va, int Level, ulong Raw) : Op
    {
        public override string Apply(Sv39Mmu mmu, bool fusedPath) => mmu.WritePte(Va, Level, Raw).ToString();
    }

    private sealed record SfenceOp(ulong? Va, ushort? Asid) : Op
    {
        public override string Apply(Sv39Mmu mmu, bool fusedPath)
        {
            mmu.Sfence(Va, Asid);
            return "";
        }
    }

    private sealed record SwitchOp(ushort Asid) : Op
    {
        public override string Apply(Sv39Mmu mmu, bool fusedPath) => mmu.SwitchAddressSpace(Asid).ToString();
    }

    private sealed record ZeroFrameOp(ulong Frame) : Op
    {
        public override string Apply(Sv39Mmu mmu, bool fusedPath)
        {
            mmu.Machine.Memory.ZeroFrame(Frame);
            return "";
        }
    }

    private sealed record CopyFrameOp(ulong From, ulong To) : Op
    {
        public override string Apply(Sv39Mmu mmu, bool fusedPath)
        {
            mmu.Machine.Memory.CopyFrame(From, To);
            return "";
        }
    }

    private sealed record RamWriteOp(ulong Pa, int Size, ulong Value) : Op
    {
        public override string Apply(Sv39Mmu mmu, bool fusedPath) => mmu.Machine.Memory.TryWrite(Pa, Size, Value).ToString();
    }

    private sealed record LoadOp(Access Access, int Size, int Times) : Op
    {
        public override string Apply(Sv39Mmu mmu, bool fusedPath) => string.Join("; ", Enumerable.Range(0, Times).Select(_ =>
            Refused(() => Show(fusedPath ? mmu.Load(Access, Size) : MemoryPath.TranslateAndLoad(mmu, Access, Size)))));
    }

    private sealed record StoreOp(Access Access, int Size, ulong Value, int Times) : Op
    {
        public override string Apply(Sv39Mmu mmu, bool fusedPath) => string.Join("; ", Enumerable.Range(0, Times).Select(_ =>
            Refused(() => Show(fusedPath ? mmu.Store(Access, Value, Size) : MemoryPath.TranslateAndStore(mmu, Access, Value, Size)))));
    }

    private sealed record TranslateOp(Access Access) : Op
    {
        public override string Apply(Sv39Mmu mmu, bool fusedPath) => Show(mmu.Translate(Access));
    }
}
