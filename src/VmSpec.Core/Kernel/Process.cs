namespace VmSpec.Core.Kernel;

/// <summary>
/// A process: a pid and the address space it runs in. A vfork child runs in its parent's space and
/// keeps the parent suspended (<see cref="SuspendedFor"/>) until it exits.
/// </summary>
internal sealed class Process(int pid, ProcessSpace space, Process? vforkParent = null)
{
    public int Pid { get; } = pid;

    public ProcessSpace Space { get; } = space;

    /// <summary>The parent this vfork child borrowed its space from, waiting for it to exit.</summary>
    public Process? VforkParent { get; } = vforkParent;

    /// <summary>The vfork child this process waits for; null while it may run.</summary>
    public Process? SuspendedFor { get; set; }
}
