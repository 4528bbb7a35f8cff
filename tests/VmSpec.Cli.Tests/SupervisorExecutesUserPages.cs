using VmSpec.Core;
using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;

namespace VmSpec.Cli.Tests;

/// <summary>
/// A plug-in of kind sv39 with one bug: with SUM set, supervisor mode may execute user pages (the
/// spec never allows it). Everything else is the built-in Sv39 MMU's, so the plug-in tests can show
/// what the tools say of an MMU that breaks one rule beside one that keeps them all.
/// </summary>
public sealed class SupervisorExecutesUserPages(Machine machine) : IPagingMmu
{
    private readonly Sv39Mmu _sv39 = new(machine);

    public string Kind => _sv39.Kind;

    public IReadOnlySet<string> Features => _sv39.Features;

    public Machine Machine => _sv39.Machine;

    public MmuCounters Counters => _sv39.Counters;

    public ulong PageSize => _sv39.PageSize;

    public int Levels => _sv39.Levels;

    public ushort CurrentAsid => _sv39.CurrentAsid;

    // As user mode, which may execute a U = 1 page (and may not execute a U = 0 one, a second bug the tests do not need).
    public Translation Translate(in Access access) =>
        _sv39.Translate(access is { Type: AccessType.Execute, Mode: PrivilegeMode.Supervisor, Sum: true } ? access with { Mode = PrivilegeMode.User } : access);

    public string Dump() => _sv39.Dump();

    public EditResult Map(ulong va, ulong pa, ulong size, PteFlags flags) => _sv39.Map(va, pa, size, flags);

    public EditResult Unmap(ulong va, ulong size) => _sv39.Unmap(va, size);

    public EditResult Protect(ulong va, ulong size, PteFlags permissions) => _sv39.Protect(va, size, permissions);

    public EditResult WritePte(ulong va, int level, ulong value) => _sv39.WritePte(va, level, value);

    public LeafLookup FindLeaf(ulong va) => _sv39.FindLeaf(va);

    public EditResult SwitchAddressSpace(ushort asid) => _sv39.SwitchAddressSpace(asid);

    public EditResult DestroyAddressSpace(ushort asid) => _sv39.DestroyAddressSpace(asid);

    public void Sfence(ulong? va, ushort? asid) => _sv39.Sfence(va, asid);

    public long TableFrames(ushort asid) => _sv39.TableFrames(asid);
}
