using VmSpec.Core;

namespace VmSpec.Cli.Tests.BrokenPlugin;

/// <summary>
/// The one MMU of this plug-in that breaks nothing: a plug-in is refused as a whole when any of its
/// MMUs is, so this one must not run (or list) while the others are named as refused.
/// </summary>
public sealed class WorksBesideBrokenOnes(Machine machine) : BrokenMmu(machine);
