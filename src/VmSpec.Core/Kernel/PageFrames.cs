using System.Buffers.Binary;
using VmSpec.Core.Memory;

namespace VmSpec.Core.Kernel;

/// <summary>
/// The frames behind one virtual page. The allocator deals in 4 KiB frames while a single-level
/// MMU may use other page sizes: a larger page takes a run of frames aligned to the page, a
/// smaller one still takes a whole frame (the rest of it is wasted, which is that page size's cost).
/// </summary>
internal sealed class PageFrames
{
    private readonly PhysicalMemory _memory;
    private readonly FrameAllocator _allocator;
    private readonly ulong _alignment;

    public PageFrames(Machine machine, ulong pageSize)
    {
        _memory = machine.Memory;
        _allocator = machine.Frames;
        PerPage = (long)Math.Max(1, pageSize / PhysicalMemory.FrameSize);
        _alignment = Math.Max(pageSize, PhysicalMemory.FrameSize);
    }

    /// <summary>How many frames one page takes.</summary>
    public long PerPage { get; }

    /// <summary>The bytes a page's frames hold: what swap saves of it.</summary>
    public int BytesPerPage => (int)(PerPage * (long)PhysicalMemory.FrameSize);

    /// <summary>
    /// Takes zeroed frames for one page, without evicting anything. A one-frame page pops the free
    /// list as kalloc does; only a larger page needs the allocator's search for an aligned run.
    /// </summary>
    public bool TryAlloc(out ulong frame) => PerPage == 1
        ? _allocator.TryAlloc(out frame)
        : _allocator.TryAllocContiguous(PerPage, _alignment, out frame);

    public void Free(ulong frame) => _allocator.FreeContiguous(frame, PerPage);

    public void Copy(ulong from, ulong to)
    {
        for (var i = 0UL; i < (ulong)PerPage; i++)
            _memory.CopyFrame(from + i * PhysicalMemory.FrameSize, to + i * PhysicalMemory.FrameSize);
    }

    public byte[] Read(ulong frame)
    {
        var bytes = new byte[BytesPerPage];
        for (var offset = 0; offset < bytes.Length; offset += 8)
        {
            _memory.TryReadUInt64(frame + (ulong)offset, out var word);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(offset, 8), word);
        }
        return bytes;
    }

    public void Write(ulong frame, byte[] bytes)
    {
        for (var offset = 0; offset < bytes.Length; offset += 8)
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(offset, 8));
            if (word != 0) // the frame came zeroed from the allocator; leave zero words unbacked
                _memory.TryWriteUInt64(frame + (ulong)offset, word);
        }
    }
}
