namespace VmSpec.Core.Tests.Kernel;

/// <summary>
/// What memory should hold, without pages, frames or tables: bytes per process (fork copies them) and
/// per shared region (every mapper of a region sees the same bytes). Unwritten bytes are zero. Each
/// byte of an access is found on its own, so an access that runs onto the next page, or into the
/// next mapping, reads and writes what is there.
/// </summary>
internal sealed class KernelModel
{
    public sealed record Region(ulong Start, ulong End, int SharedId);

    public sealed class Proc
    {
        public Dictionary<ulong, byte> Bytes { get; init; } = [];
        public List<Region> Mappings { get; init; } = [];
        public ulong Break { get; set; } = TestKernels.DefaultBreak;
    }

    public const int Private = -1;

    private readonly Dictionary<int, Dictionary<ulong, byte>> _shared = [];
    private int _nextShared;

    public SortedDictionary<int, Proc> Procs { get; } = [];

    public void Spawn(int pid) => Procs[pid] = new Proc();

    public void Fork(int parent, int child)
    {
        var source = Procs[parent];
        Procs[child] = new Proc { Bytes = new(source.Bytes), Mappings = [.. source.Mappings], Break = source.Break };
    }

    public void Map(int pid, ulong start, ulong length, bool shared) =>
        Procs[pid].Mappings.Add(new Region(start, start + length, shared ? _nextShared++ : Private));

    public void Unmap(int pid, Region region)
    {
        var proc = Procs[pid];
        proc.Mappings.Remove(region);
        Forget(proc, region.Start, region.End);
    }

    /// <summary>The heap's pages above the new break are gone; growing again brings zeroed ones.</summary>
    public void SetBreak(int pid, ulong newBreak)
    {
        var proc = Procs[pid];
        var kept = (newBreak + TestKernels.Page - 1) & ~(TestKernels.Page - 1);
        if (newBreak < proc.Break)
            Forget(proc, kept, ulong.MaxValue, heapOnly: true);
        proc.Break = newBreak;
    }

    /// <summary>The <paramref name="size"/> bytes at va, little-endian.</summary>
    public ulong Read(int pid, ulong va, int size = 8)
    {
        var value = 0UL;
        for (var i = size - 1; i >= 0; i--)
            value = (value << 8) | Store(pid, va + (ulong)i, out var key).GetValueOrDefault(key);
        return value;
    }

    /// <summary>Writes the low <paramref name="size"/> bytes of value at va, little-endian.</summary>
    public void Write(int pid, ulong va, ulong value, int size = 8)
    {
        for (var i = 0; i < size; i++, value >>= 8)
            Store(pid, va + (ulong)i, out var key)[key] = (byte)value;
    }

    private Dictionary<ulong, byte> Store(int pid, ulong va, out ulong key)
    {
        var proc = Procs[pid];
        var region = proc.Mappings.FirstOrDefault(r => va >= r.Start && va < r.End);
        if (region is null || region.SharedId == Private)
        {
            key = va;
            return proc.Bytes;
        }
        key = va - region.Start;
        return _shared.TryGetValue(region.SharedId, out var bytes) ? bytes : _shared[region.SharedId] = [];
    }

    private static void Forget(Proc proc, ulong start, ulong end, bool heapOnly = false)
    {
        foreach (var va in proc.Bytes.Keys.Where(va => va >= start && va < end).ToArray())
            if (!heapOnly || !proc.Mappings.Any(r => va >= r.Start && va < r.End))
                proc.Bytes.Remove(va);
    }
}
