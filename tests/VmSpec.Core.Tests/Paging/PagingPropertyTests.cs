using CsCheck;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Core.Tests.Paging;

/// <summary>
/// Garbage in, a translation out: random raw PTEs at random levels never make Translate throw or
/// hang. And on random valid maps, Translate agrees with a dictionary of pages kept by the test.
/// </summary>
public sealed class PagingPropertyTests
{
    private const ulong Ram = MachineOptions.DefaultRamBase;
    private static readonly MachineOptions SmallRam = new() { RamSize = 1UL << 20 };

    private static readonly Gen<ulong> GenPpn = Gen.Frequency(
        (4, Gen.ULong[0, 255].Select(frame => (Ram >> 12) + frame)),   // a frame of RAM
        (2, Gen.ULong[0, Pte.PpnMask]),                                 // anywhere, mostly outside RAM
        (1, Gen.Const(0UL)));

    private static readonly Gen<ulong> GenPte = Gen.Frequency(
        (6, Gen.Select(GenPpn, Gen.Byte, Gen.Int[0, 19], (ppn, flags, high) =>
            (ppn << Pte.PpnShift) | flags | (high < 10 ? 0 : 1UL << (44 + high)))),   // now and then one reserved bit
        (2, Gen.Select(GenPpn, ppn => Pte.Pointer(ppn).Raw)),
        (1, Gen.ULong));

    private static readonly Gen<ulong> GenVa = Gen.Frequency(
        (6, Gen.ULong[0, (1UL << 32) - 1]),
        (2, Gen.ULong[0, (1UL << 39) - 1].Select(Sv39Geometry.SignExtend)),
        (2, Gen.ULong));

    private static readonly Gen<Access> GenAccess = Gen.Select(
        Gen.Enum<AccessType>(), Gen.Enum<PrivilegeMode>(), Gen.Bool, Gen.Bool, (type, mode, sum, mxr) =>
            new Access(0, type, mode, sum, mxr));

    [Test]
    public void Translate_always_returns_on_random_PTEs()
    {
        var gen = Gen.Select(GenVa, Gen.Select(GenPte, Gen.Int[0, 2]).Array[1, 4], GenAccess.Array[1, 4], Gen.Bool);
        gen.Sample((va, ptes, accesses, singleLevel) =>
        {
            var machine = new Machine(SmallRam with { SingleLevel = new SingleLevelOptions(4096, 20) });
            PagingMmu mmu = singleLevel ? new SingleLevelMmu(machine) : new Sv39Mmu(machine);
            foreach (var (raw, level) in ptes)
                mmu.WritePte(va, level, raw);
            foreach (var access in accesses)
            {
                var t = mmu.Translate(access with { Address = va });
                Assert.That(t.IsFault ? t.Reason != FaultReason.None : t.PageSize != 0, Is.True, t.ToString());
                mmu.Translate(access with { Address = va ^ 0x1000 });
            }
            mmu.FindLeaf(va);
        }, iter: 100_000, threads: 1);
    }

    [Test]
    public void Dump_and_range_edits_survive_random_PTEs()
    {
        var gen = Gen.Select(GenVa, Gen.Select(GenPte, Gen.Int[0, 2]).Array[1, 4]);
        gen.Sample((va, ptes) =>
        {
            var mmu = new Sv39Mmu(new Machine(SmallRam));
            foreach (var (raw, level) in ptes)
                mmu.WritePte(va, level, raw);
            Assert.That(mmu.Dump(), Does.StartWith("sv39"));
            var page = va & ~0xFFFUL;
            mmu.Protect(page, 4096, PteFlags.R);
            mmu.Unmap(page & ~((1UL << 30) - 1), 1UL << 30);
        }, iter: 2_000, threads: 1);
    }

    [Test]
    public void Translate_agrees_with_a_dictionary_of_pages_on_random_valid_maps()
    {
        var gen = Gen.Select(GenMap.Array[1, 12], GenProbe.Array[1, 16]);
        gen.Sample((maps, probes) =>
        {
            var mmu = new Sv39Mmu(new Machine());
            var model = new PageModel();
            foreach (var map in maps)
            {
                var result = mmu.Map(map.Va, map.Pa, map.Size, map.Flags);
                Assert.That(result.IsOk, Is.EqualTo(model.TryMap(map)), $"{map}: {result}");
            }

            foreach (var (pick, offset, access) in probes)
            {
                var va = maps[pick % maps.Length].Va + offset;
                var t = mmu.Translate(access with { Address = va, Sum = false, Mxr = false });
                var (expectedPa, reason) = model.Translate(va, access.Type, access.Mode);
                Assert.That((t.Reason, t.IsFault ? 0 : t.PhysicalAddress), Is.EqualTo((reason, expectedPa)), $"0x{va:x} {access.Type} {access.Mode}");
            }
        }, iter: 3_000, threads: 1);
    }

    private static readonly Gen<MapRequest> GenMap = Gen.Select(
        Gen.Int[0, 2], Gen.OneOf(0UL, 1UL, 2UL, 256UL, 511UL), Gen.ULong[0, 3], Gen.ULong[0, 7], Gen.ULong[0, 1023],
        Gen.OneOf(PteFlags.R, PteFlags.Rw, PteFlags.Rx, PteFlags.X, PteFlags.Rwx), Gen.Bool,
        (level, giga, mega, page, frame, perms, user) =>
        {
            var shift = Sv39Geometry.PageShiftAt(level);
            var va = (giga << 30) | (level < 2 ? mega << 21 : 0) | (level == 0 ? page << 12 : 0);
            return new MapRequest(Sv39Geometry.SignExtend(va), frame << shift, level, perms | (user ? PteFlags.U : 0));
        });

    private static readonly Gen<(int, ulong, Access)> GenProbe = Gen.Select(
        Gen.Int[0, 100], Gen.Frequency((3, Gen.ULong[0, 0xFFF]), (1, Gen.ULong[0, (1UL << 30) - 1])), GenAccess);

    private sealed record MapRequest(ulong Va, ulong Pa, int Level, PteFlags Flags)
    {
        public ulong Size => 1UL << Sv39Geometry.PageShiftAt(Level);
    }

    /// <summary>The pages a correct Sv39 must hold after the maps, keyed by level and VPN at that level.</summary>
    private sealed class PageModel
    {
        private readonly Dictionary<(int Level, ulong Vpn), MapRequest> _pages = [];

        public bool TryMap(MapRequest map)
        {
            // A leaf above refuses the map ("a leaf in the way"); any page below refuses it too, as
            // the table holding that page is in the way of a superpage leaf.
            for (var level = 0; level < 3; level++)
            {
                if (level > map.Level && _pages.ContainsKey((level, Vpn(map.Va, level))))
                    return false;
                if (level < map.Level && _pages.Keys.Any(k => k.Level == level && k.Vpn >> (9 * (map.Level - level)) == Vpn(map.Va, map.Level)))
                    return false;
            }
            _pages[(map.Level, Vpn(map.Va, map.Level))] = map;
            return true;
        }

        public (ulong Pa, FaultReason Reason) Translate(ulong va, AccessType type, PrivilegeMode mode)
        {
            for (var level = 0; level < 3; level++)
            {
                if (!_pages.TryGetValue((level, Vpn(va, level)), out var page))
                    continue;
                var user = (page.Flags & PteFlags.U) != 0;
                var op = type switch
                {
                    AccessType.Read => PteFlags.R,
                    AccessType.Write => PteFlags.W,
                    _ => PteFlags.X,
                };
                var allowed = (mode == PrivilegeMode.User) == user && (page.Flags & op) != 0;
                return allowed ? (page.Pa + (va & (page.Size - 1)), FaultReason.None) : (0, FaultReason.Permission);
            }
            return (0, FaultReason.Invalid);
        }

        private static ulong Vpn(ulong va, int level) => (va & ((1UL << 39) - 1)) >> Sv39Geometry.PageShiftAt(level);
    }
}
