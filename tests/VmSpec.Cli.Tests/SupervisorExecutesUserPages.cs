using VmSpec.Core;
using VmSpec.Core.Mmu;

namespace VmSpec.Cli.Tests;

/// <summary>
/// A plug-in of kind sv39 with one bug: with SUM set, supervisor mode may execute user pages (the
/// spec never allows it). Everything else is the built-in Sv39 MMU's, so the plug-in tests can show
/// what the tools say of an MMU that breaks one rule beside one that keeps them all.
/// </summary>
public sealed class SupervisorExecutesUserPages(Machine machine) : Sv39WithOneBug(machine)
{
    // As user mode, which may execute a U = 1 page (and may not execute a U = 0 one, a second bug the tests do not need).
    public override Translation Translate(in Access access) =>
        Sv39.Translate(access is { Type: AccessType.Execute, Mode: PrivilegeMode.Supervisor, Sum: true } ? access with { Mode = PrivilegeMode.User } : access);
}
