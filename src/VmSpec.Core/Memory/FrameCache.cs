using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace VmSpec.Core.Memory;

/// <summary>
/// Remembers which host array a few recently read frames read from, so a read that comes back to
/// one of them (the table frames of a walk, level after level) skips the range check and the
/// frame directory of <see cref="PhysicalMemory"/>. A line is trusted only for the frame it names
/// and only while the memory's <see cref="PhysicalMemory.FrameGeneration"/> is the one it was
/// filled under, so a frame backed or zeroed since is looked up again. It caches where bytes are,
/// never their values: every read sees memory as it is.
/// </summary>
internal sealed class FrameCache
{
    private const int Lines = 64;
    private const ulong FrameMask = PhysicalMemory.FrameSize - 1;

    // Not a frame address (frames are aligned), so an unfilled line never matches.
    private const ulong NoFrame = ulong.MaxValue;

    private readonly PhysicalMemory _memory;
    private readonly Line[] _lines = new Line[Lines];

    public FrameCache(PhysicalMemory memory)
    {
        _memory = memory;
        for (var i = 0; i < Lines; i++)
            _lines[i].FramePa = NoFrame;
    }

    /// <summary><see cref="PhysicalMemory.TryReadUInt64"/>, through the cached arrays.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadUInt64(ulong pa, out ulong value)
    {
        ref readonly var line = ref _lines[(int)(pa >> PhysicalMemory.FrameShift) & (Lines - 1)];
        if (line.FramePa != (pa & ~FrameMask) || line.Generation != _memory.FrameGeneration || (pa & 7) != 0)
        {
            // The value comes back in the return, not through a reference: a caller's variable
            // whose address a call takes would live on the stack on the fast path too.
            (value, var read) = ReadAndFill(pa);
            return read;
        }
        value = BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(line.Frame, (int)(pa & FrameMask), sizeof(ulong)));
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private (ulong Value, bool Read) ReadAndFill(ulong pa)
    {
        var framePa = pa & ~FrameMask;
        if ((pa & 7) == 0 && _memory.FrameForReading(framePa) is { } frame)
            _lines[(int)(pa >> PhysicalMemory.FrameShift) & (Lines - 1)] = new Line { FramePa = framePa, Frame = frame, Generation = _memory.FrameGeneration };
        var read = _memory.TryReadUInt64(pa, out var value);
        return (value, read);
    }

    private struct Line
    {
        public ulong FramePa;
        public byte[]? Frame;
        public long Generation;
    }
}
