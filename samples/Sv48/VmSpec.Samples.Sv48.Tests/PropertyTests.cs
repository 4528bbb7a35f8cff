using CsCheck;
using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48.Tests;

/// <summary>
/// Garbage in, a translation out: random raw PTEs at random levels, random addresses (many near
/// the canonical boundary) and random accesses never make the MMU throw; a fault always has a
/// reason and a success keeps the page offset. And random valid maps agree with a dictionary.
/// </summary>
public class PropertyTests
{
    private const ulong Ram = MachineOptions.DefaultRamBase;
    private static readonly MachineOptions SmallRam = new() { RamSize = 1UL << 20 };

    private static readonly Gen<ulong> GenPpn = Gen.Frequency(
        (4, Gen.ULong[0, 255].Select(frame => (Ram >> 12) + frame)),   // a frame of RAM, often a table
        (2, Gen.ULong[0, Pte.PpnMask]),                                 // anywhere, mostly outside RAM
        (1, Gen.Const(0UL)));

    private static readonly Gen<ulong> GenPte = Gen.Frequency(
        (6, Gen.Select(GenPpn, Gen.Byte, Gen.Int[0, 19], (ppn, flags, high) =>
            (ppn << Pte.PpnShift) | flags | (high < 10 ? 0 : 1UL << (44 + high)))),   // now and then one reserved bit
        (2, Gen.Select(GenPpn, ppn => Pte.Pointer(ppn).Raw)),
        (1, Gen.ULong));

    private static readonly Gen<ulong> GenVa = Gen.Frequency(
        (4, Gen.ULong[0, (1UL << 48) - 1].Select(Canonical.SignExtend)),
        (2, Gen.Select(Gen.ULong[0, 1UL << 20], Gen.Bool, (near, low) =>
            low ? 0x0000_8000_0000_0000 - near : 0xffff_8000_0000_0000 + near - (1UL << 19))),   // either side of both boundaries
        (1, Gen.ULong[0, 1UL << 32]),
        (2, Gen.ULong));

    private static readonly Gen<Access> GenAccess = Gen.Select(
        Gen.Enum<AccessType>(), Gen.Enum<PrivilegeMode>(), Gen.Bool, Gen.Bool, (type, mode, sum, mxr) =>
            new Access(0, type, mode, sum, mxr));

    private static readonly Gen<MachineOptions> GenMachine = Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, (svade, sum, mxr) =>
        SmallRam with { Sv39 = new Sv39Options(svade ? AdMode.Fault : AdMode.Hardware, sum, mxr) });

    [Test]
    public void Random_PTEs_and_addresses_never_throw()
    {
        var gen = Gen.Select(GenMachine, GenVa, Gen.Select(GenPte, Gen.Int[-1, 4]).Array[1, 6], GenAccess.Array[1, 4]);
        gen.Sample((options, va, ptes, accesses) =>
        {
            var mmu = new Sv48Mmu(new Machine(options));
            foreach (var (raw, level) in ptes)
                mmu.WritePte(va, level, raw);
            foreach (var access in accesses)
            {
                foreach (var address in new[] { va, va ^ 0x1000, va ^ (1UL << 47) })
                {
                    var t = mmu.Translate(access with { Address = address });
                    if (t.IsFault)
                        Assert.That(t.Reason, Is.Not.EqualTo(FaultReason.None), t.ToString());
                    else
                        Assert.That(t.PhysicalAddress & 0xfff, Is.EqualTo(address & 0xfff), t.ToString());
                }
                mmu.Load(access with { Address = va });
                mmu.Store(access with { Address = va }, 1);
            }
            mmu.FindLeaf(va);
        }, iter: 50_000, threads: 1);
    }

    [Test]
    public void Dump_and_range_edits_survive_random_PTEs()
    {
        var gen = Gen.Select(GenVa, Gen.Select(GenPte, Gen.Int[0, 3]).Array[1, 6], Gen.Int[0, 3]);
        gen.Sample((va, ptes, level) =>
        {
            var mmu = new Sv48Mmu(new Machine(SmallRam));
            foreach (var (raw, at) in ptes)
                mmu.WritePte(va, at, raw);
            Assert.That(mmu.Dump(), Does.StartWith("sv48 asid 0 root"));
            var size = Sv48Layout.PageSizeAt(level);
            var start = va & ~(size - 1);
            mmu.Protect(start, size, PteFlags.R);
            mmu.Map(start, start & Pte.PpnMask << 12, size, PteFlags.R);
            mmu.Unmap(start, size);
            mmu.SwitchAddressSpace(1);
            mmu.SwitchAddressSpace(0);
            mmu.DestroyAddressSpace(1);
        }, iter: 2_000, threads: 1);
    }

    private static readonly Gen<(ulong Va, ulong Frame)> GenMap = Gen.Select(
        Gen.Bool, Gen.ULong[0, (1UL << 35) - 1], Gen.ULong[0, 4095], (high, page, frame) =>
            (Canonical.SignExtend(((high ? 1UL << 35 : 0) | page) << 12), Ram + frame * 4096));

    [Test]
    public void Translate_agrees_with_a_dictionary_of_pages()
    {
        var gen = Gen.Select(GenMap.Array[1, 12], Gen.Int[0, 11].Array[1, 16], Gen.ULong[0, 4095]);
        gen.Sample((maps, probes, offset) =>
        {
            var mmu = new Sv48Mmu(new Machine());
            var pages = new Dictionary<ulong, ulong>();
            foreach (var (va, frame) in maps)
            {
                Assert.That(mmu.Map(va, frame, 4096, PteFlags.U | PteFlags.R).IsOk, Is.True);
                pages[va] = frame;
            }
            foreach (var probe in probes)
            {
                var va = maps[probe % maps.Length].Va;
                Assert.That(mmu.Read(va | offset).PhysicalAddress, Is.EqualTo(pages[va] | offset));
                Assert.That(mmu.Read((va ^ 0x1000) | offset).IsFault, Is.EqualTo(!pages.ContainsKey(va ^ 0x1000)));
            }
        }, iter: 1_000, threads: 1);
    }
}
