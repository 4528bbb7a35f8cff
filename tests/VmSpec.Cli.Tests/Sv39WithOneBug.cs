using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Cli.Tests;

/// <summary>
/// The built-in Sv39 MMU behind the whole <see cref="IPagingMmu"/> contract, so that a test's MMU
/// overrides only the one member it gets wrong and keeps every other rule. Abstract, so the plug-in
/// loader, which takes this assembly's MMUs, does not take it for one.
/// </summary>
public abstract class Sv39WithOneBug(Machine machine) : IPagingMmu
{
    protected Sv39Mmu Sv39 { get; } = new(machine);

    public string Kind => Sv39.Kind;

    public IReadOnlySet<string> Features => Sv39.Features;

    public Machine Machine => Sv39.Machine;

    public MmuCounters Counters => Sv39.Counters;

    public ulong PageSize => Sv39.PageSize;

    public int Levels => Sv39.Levels;

    public virtual ulong PageSizeAt(int level) => Sv39.PageSizeAt(level);

    public ushort CurrentAsid => Sv39.CurrentAsid;

    public virtual Translation Translate(in Access access) => Sv39.Translate(access);

    public string Dump() => Sv39.Dump();

    public virtual EditResult Map(ulong va, ulong pa, ulong size, PteFlags flags) => Sv39.Map(va, pa, size, flags);

    public EditResult Unmap(ulong va, ulong size) => Sv39.Unmap(va, size);

    public EditResult Protect(ulong va, ulong size, PteFlags permissions) => Sv39.Protect(va, size, permissions);

    public EditResult WritePte(ulong va, int level, ulong value) => Sv39.WritePte(va, level, value);

    public LeafLookup FindLeaf(ulong va) => Sv39.FindLeaf(va);

    public EditResult SwitchAddressSpace(ushort asid) => Sv39.SwitchAddressSpace(asid);

    public EditResult DestroyAddressSpace(ushort asid) => Sv39.DestroyAddressSpace(asid);

    public void Sfence(ulong? va, ushort? asid) => Sv39.Sfence(va, asid);

    public virtual long TableFrames(ushort asid) => Sv39.TableFrames(asid);
}
