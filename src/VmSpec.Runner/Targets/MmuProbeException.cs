namespace VmSpec.Runner.Targets;

/// <summary>
/// An implementation that cannot be described, so nothing can run on it: building one, or reading
/// what it says of itself, threw or gave nothing. The message names the type and the member.
/// </summary>
public sealed class MmuProbeException(string message, Exception? cause = null) : Exception(message, cause);
