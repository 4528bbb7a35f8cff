using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Samples.Sv48.Tests;

/// <summary>
/// Building blocks for the tests: a machine with the format's defaults (16 MiB of RAM at
/// 0x8000_0000, so the root table is the top frame, 0x80ff_f000) and raw PTEs worked out by hand.
/// </summary>
internal static class Sv48Kit
{
    public const ulong Root = 0x80ff_f000;

    /// <summary>Frames away from the top of RAM, where the allocator never reaches in these tests.</summary>
    public const ulong TableA = 0x8010_0000;
    public const ulong TableB = 0x8010_1000;
    public const ulong TableC = 0x8010_2000;
    public const ulong Data = 0x8020_0000;

    public const PteFlags UserRw = PteFlags.U | PteFlags.R | PteFlags.W;
    public const PteFlags Dau = PteFlags.D | PteFlags.A | PteFlags.U;

    public static Sv48Mmu Mmu(AdMode ad = AdMode.Hardware, bool sum = false, bool mxr = false) =>
        Mmu(new MachineOptions { Sv39 = new Sv39Options(ad, sum, mxr) });

    /// <summary>Walks traced, as the runner has them, so a test can read the path a walk took.</summary>
    public static Sv48Mmu Mmu(MachineOptions options) => new(new Machine(options with { TraceWalks = true }));

    /// <summary>A pointer PTE to the table at <paramref name="table"/>: V alone.</summary>
    public static ulong Pointer(ulong table) => Pte.Pointer(table >> 12).Raw;

    /// <summary>A leaf PTE for the page at <paramref name="pa"/>; V is added.</summary>
    public static ulong Leaf(ulong pa, PteFlags flags) => Pte.Leaf(pa >> 12, flags).Raw;

    /// <summary>
    /// Pointers at levels 3 down to <paramref name="leafLevel"/> + 1 through tables A, B, C (in that
    /// order), then <paramref name="leaf"/> at <paramref name="leafLevel"/>: a walk by hand.
    /// </summary>
    public static void Build(Sv48Mmu mmu, ulong va, int leafLevel, ulong leaf)
    {
        ulong[] tables = [TableA, TableB, TableC];
        for (var level = 3; level > leafLevel; level--)
            Assert.That(mmu.WritePte(va, level, Pointer(tables[3 - level])).IsOk, Is.True);
        Assert.That(mmu.WritePte(va, leafLevel, leaf).IsOk, Is.True);
    }

    public static Translation Read(this IMmu mmu, ulong va, PrivilegeMode mode = PrivilegeMode.User) => mmu.Translate(Access.Read(va, mode));

    public static Translation Write(this IMmu mmu, ulong va, PrivilegeMode mode = PrivilegeMode.User) => mmu.Translate(Access.Write(va, mode));

    public static Translation Execute(this IMmu mmu, ulong va, PrivilegeMode mode = PrivilegeMode.User) => mmu.Translate(Access.Execute(va, mode));

    public static ulong PteAt(this IMmu mmu, ulong address)
    {
        mmu.Machine.Memory.TryReadUInt64(address, out var raw);
        return raw;
    }
}
