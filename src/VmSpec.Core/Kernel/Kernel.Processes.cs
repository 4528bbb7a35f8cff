using VmSpec.Core.Paging;

namespace VmSpec.Core.Kernel;

// Process lifetime: spawn, fork, vfork, exit, and the teardown a signal shares with exit.
public sealed partial class Kernel
{
    /// <summary>A new process with an empty address space: the clock page and an empty heap at <paramref name="programBreak"/>.</summary>
    public KernelResult Spawn(int pid, ulong? programBreak = null)
    {
        if (_processes.ContainsKey(pid))
            return KernelResult.Invalid($"Process {pid} already exists.");
        var heapStart = programBreak ?? KernelOptions.DefaultProgramBreak;
        if (heapStart >= ClockAddress)
            return KernelResult.Invalid($"Break 0x{heapStart:x} is not below the clock page at 0x{ClockAddress:x}.");

        if (CreateSpace(heapStart, out var space) is { } failed)
            return failed;
        space.AddVma(new Vma(VmaKind.Heap, Layout.PageFloor(heapStart), Layout.PageFloor(heapStart), PteFlags.Rw));
        space.AddVma(new Vma(VmaKind.Clock, ClockAddress, Layout.Top, ClockPage.Permissions));
        if (!_reclaimer.Retry(() => _editor.TryInstall(space, _clock.Page, ClockPage.Permissions)).IsOk)
        {
            TearDown(space);
            return KernelResult.OutOfMemory($"No frame for the page tables of process {pid}.");
        }
        _reclaimer.NoteClockOnlyTables(_mmu.TableFrames(space.Asid));
        _processes.Add(pid, new Process(pid, space));
        return KernelResult.Ok();
    }

    /// <summary>
    /// A child with a copy of the parent's address space: with <see cref="ForkStrategy.CopyOnWrite"/>
    /// its tables point at the parent's frames, read-only in both; shared mappings stay shared.
    /// All or nothing: a fork that runs out of frames leaves no trace of the child.
    /// </summary>
    public KernelResult Fork(int parent, int child)
    {
        if (Runnable(parent, out var source) is { } refused)
            return refused;
        if (_processes.ContainsKey(child))
            return KernelResult.Invalid($"Process {child} already exists.");
        if (CreateSpace(source.Space.HeapStart, out var space) is { } failed)
            return failed;

        space.Break = source.Space.Break;
        var copier = new ForkCopier(_editor, _reclaimer, _frames, Options.ForkStrategy);
        if (!copier.TryCopy(source.Space, space))
        {
            TearDown(space);
            return KernelResult.OutOfMemory($"Not enough frames to fork {parent} into {child}.");
        }
        _processes.Add(child, new Process(child, space));
        return KernelResult.Ok();
    }

    /// <summary>The child runs in the parent's address space; the parent waits until the child exits.</summary>
    public KernelResult Vfork(int parent, int child)
    {
        if (Runnable(parent, out var source) is { } refused)
            return refused;
        if (_processes.ContainsKey(child))
            return KernelResult.Invalid($"Process {child} already exists.");

        var borrower = new Process(child, source.Space, vforkParent: source);
        source.Space.Users++;
        source.SuspendedFor = borrower;
        _processes.Add(child, borrower);
        if (_running == source)
            _running = borrower; // same space: nothing to switch
        return KernelResult.Ok();
    }

    /// <summary>Ends a process; its frames (data and tables) go back to the free list unless a vfork parent still uses them.</summary>
    public KernelResult Exit(int pid)
    {
        if (Runnable(pid, out var process) is { } refused)
            return refused;
        End(process);
        return KernelResult.Ok();
    }

    private KernelResult Kill(Process process, Signal signal, string message)
    {
        End(process);
        return KernelResult.Killed(signal, message);
    }

    private void End(Process process)
    {
        _processes.Remove(process.Pid);
        if (process.VforkParent is { } parent)
            parent.SuspendedFor = null;
        if (_running == process)
            _running = process.VforkParent; // the parent resumes in the same space

        if (--process.Space.Users == 0)
            TearDown(process.Space);
        if (_running is null && _mmu.CurrentAsid != AsidAllocator.Idle)
            SwitchTo(AsidAllocator.Idle);
    }

    /// <summary>An ASID and empty tables for a new space; out of memory when either cannot be had.</summary>
    private KernelResult? CreateSpace(ulong heapStart, out ProcessSpace space)
    {
        space = null!;
        if (!_asids.TryAlloc(out var asid))
            return KernelResult.OutOfMemory("Every ASID is in use.");

        // Creating a space is switching to it for the first time, so switch back by hand: a
        // SpaceScope would need the space to exist already.
        var previous = _mmu.CurrentAsid;
        var created = _reclaimer.Retry(() => _mmu.SwitchAddressSpace(asid));
        if (_mmu.CurrentAsid != previous)
            SwitchTo(previous);
        if (!created.IsOk)
        {
            _asids.Free(asid);
            return KernelResult.OutOfMemory($"No frame for a new address space's tables: {created.Message}");
        }
        space = new ProcessSpace(asid, heapStart);
        _reclaimer.Register(space);
        return null;
    }

    /// <summary>
    /// Gives back everything a space holds: its references to private pages (a page's frame or swap
    /// slot is freed with its last holder), its shared regions (freed with their last mapping), its
    /// tables (the MMU frees them), and its ASID, after flushing the TLB entries still tagged with it.
    /// </summary>
    private void TearDown(ProcessSpace space)
    {
        // The whole space goes, so its leaves are dropped from the mirror, not unmapped one by one.
        foreach (var leaf in space.Leaves.Values)
            leaf.Page.MappedBy.Remove(space);
        space.Leaves.Clear();
        foreach (var page in space.Private.Values)
            _reclaimer.Drop(page);
        space.Private.Clear();
        foreach (var vma in space.Vmas)
            _reclaimer.Unshare(vma);
        space.Vmas.Clear();

        if (_mmu.CurrentAsid == space.Asid)
            SwitchTo(AsidAllocator.Idle);
        _reclaimer.Unregister(space);
        var destroyed = _mmu.DestroyAddressSpace(space.Asid);
        if (!destroyed.IsOk)
            throw new InvalidOperationException($"Destroying ASID {space.Asid} failed: {destroyed}.");
        _mmu.Sfence(null, space.Asid);
        _asids.Free(space.Asid);
    }
}
