using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Core.Tests.Paging;

/// <summary>Machines, PTE values and assertions the paging tests share.</summary>
internal static class PagingTestKit
{
    public const ulong Ram = MachineOptions.DefaultRamBase;

    public const PteFlags UserRwAd = PteFlags.R | PteFlags.W | PteFlags.U | PteFlags.A | PteFlags.D;
    public const PteFlags UserRwxAd = UserRwAd | PteFlags.X;

    /// <summary>Options with walk tracing on, for tests that look at <see cref="Translation.Walk"/>.</summary>
    public static MachineOptions Traced => new() { TraceWalks = true };

    public static Sv39Mmu Sv39(MachineOptions? options = null) => new(new Machine(options));

    public static Sv39Mmu Sv39(AdMode ad) => Sv39(new MachineOptions { Sv39 = new Sv39Options(Ad: ad) });

    public static SingleLevelMmu SingleLevel(ulong pageSize = 4096, int vaBits = 32, AdMode ad = AdMode.Hardware, ulong ramSize = MachineOptions.DefaultRamSize, bool traceWalks = false) =>
        new(new Machine(new MachineOptions
        {
            RamSize = ramSize,
            SingleLevel = new SingleLevelOptions(pageSize, vaBits),
            Sv39 = new Sv39Options(Ad: ad),
            TraceWalks = traceWalks,
        }));

    /// <summary>A raw leaf PTE for a 4 KiB-granular physical address.</summary>
    public static ulong Leaf(ulong pa, PteFlags flags) => Pte.Leaf(pa >> 12, flags).Raw;

    public static ulong ReadPte(IPagingMmu mmu, ulong address)
    {
        Assert.That(mmu.Machine.Memory.TryReadUInt64(address, out var raw), Is.True, $"PTE at 0x{address:x} outside RAM");
        return raw;
    }

    public static void AssertOk(EditResult result) => Assert.That(result.IsOk, Is.True, result.ToString());

    public static void AssertFault(Translation t, FaultKind kind, FaultReason reason, int? level = null)
    {
        Assert.That((t.Fault, t.Reason), Is.EqualTo((kind, reason)), t.ToString());
        if (level is { } expected)
            Assert.That(t.Level, Is.EqualTo(expected), "level");
    }

    public static void AssertPa(Translation t, ulong pa)
    {
        Assert.That(t.IsFault, Is.False, t.ToString());
        Assert.That(t.PhysicalAddress, Is.EqualTo(pa), $"pa 0x{t.PhysicalAddress:x}");
    }
}
