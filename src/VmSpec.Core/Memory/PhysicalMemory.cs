using System.Buffers.Binary;

namespace VmSpec.Core.Memory;

/// <summary>
/// Byte-addressable RAM at [Base, Base+Size), little-endian. Sparse: a frame gets host memory on
/// its first write, so a 1 GiB RAM of which a few MiB are touched costs a few MiB. Reading an
/// untouched byte gives zero, as RAM starts zeroed. An address outside RAM is reported, never thrown.
/// </summary>
public sealed class PhysicalMemory
{
    public const int FrameShift = 12;
    public const ulong FrameSize = 1UL << FrameShift;

    // Frames are found through a two-level directory of 512-frame chunks, so the directory of a
    // large, mostly untouched RAM stays small.
    private const int ChunkShift = 9;
    private const int ChunkFrames = 1 << ChunkShift;

    /// <summary>The largest RAM the directory is built for (1 TiB).</summary>
    public const ulong MaxSize = 1UL << 40;

    private readonly byte[]?[]?[] _chunks;
    private long _backedFrames;

    /// <summary>
    /// Changes whenever what backs a frame changes: an array given on its first write, or dropped
    /// by <see cref="ZeroFrame"/>. So what a frame was found to read from (<see cref="FrameForReading"/>)
    /// is still what it reads from for as long as the generation stands.
    /// </summary>
    internal long FrameGeneration { get; private set; }

    /// <summary>Bumped with <see cref="FrameGeneration"/>, and by the machine's TLBs and MMUs for their own changes (see <see cref="ChangeCount"/>).</summary>
    internal ChangeCount Changes { get; } = new();

    /// <summary>Zeros standing for every untouched frame in <see cref="FrameForReading"/>. Never written: a store to an untouched frame goes through <see cref="TryWrite"/>, which backs it.</summary>
    internal static readonly byte[] UntouchedFrame = new byte[FrameSize];

    public PhysicalMemory(ulong @base = MachineOptions.DefaultRamBase, ulong size = MachineOptions.DefaultRamSize)
    {
        if (size == 0 || size > MaxSize || size % FrameSize != 0)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"RAM size must be a non-zero multiple of 4 KiB up to 1 TiB.");
        if (@base % FrameSize != 0 || @base + size < @base || @base + size > 1UL << 56)
            throw new ArgumentOutOfRangeException(nameof(@base), @base, "RAM base must be 4 KiB aligned and RAM must end within 56 bits.");

        Base = @base;
        Size = size;
        _chunks = new byte[]?[]?[(int)(((size >> FrameShift) + ChunkFrames - 1) >> ChunkShift)];
    }

    public ulong Base { get; }

    public ulong Size { get; }

    /// <summary>One past the last byte of RAM.</summary>
    public ulong End => Base + Size;

    public long FrameCount => (long)(Size >> FrameShift);

    /// <summary>Host memory spent on backing frames: what the sparseness saves is Size minus this.</summary>
    public long BackedBytes => _backedFrames << FrameShift;

    public bool Contains(ulong pa, ulong length = 1) =>
        pa >= Base && length <= Size && pa - Base <= Size - length;

    public bool TryRead(ulong pa, int size, out ulong value)
    {
        value = 0;
        if (!IsAccessSize(size) || !Contains(pa, (ulong)size))
            return false;

        var offset = (int)(pa & (FrameSize - 1));
        if (offset + size <= (int)FrameSize)
        {
            var frame = FrameAt(pa);
            if (frame is not null)
                value = ReadLittleEndian(frame.AsSpan(offset, size));
            return true;
        }

        // Straddles two frames: assemble it byte by byte.
        for (var i = size - 1; i >= 0; i--)
            value = (value << 8) | ReadByte(pa + (ulong)i);
        return true;
    }

    public bool TryWrite(ulong pa, int size, ulong value)
    {
        if (!IsAccessSize(size) || !Contains(pa, (ulong)size))
            return false;

        var offset = (int)(pa & (FrameSize - 1));
        if (offset + size <= (int)FrameSize)
        {
            WriteLittleEndian(BackedFrameAt(pa).AsSpan(offset, size), value);
            return true;
        }

        for (var i = 0; i < size; i++, value >>= 8)
            BackedFrameAt(pa + (ulong)i)[(int)((pa + (ulong)i) & (FrameSize - 1))] = (byte)value;
        return true;
    }

    /// <summary>Reads one aligned 64-bit word: the shape of every PTE read.</summary>
    public bool TryReadUInt64(ulong pa, out ulong value)
    {
        // An aligned word never straddles frames, and one unsigned compare covers both ends of RAM.
        if ((pa & 7) != 0 || pa - Base > Size - 8)
            return TryRead(pa, 8, out value);
        var frame = FrameAt(pa);
        value = frame is null ? 0 : BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan((int)(pa & (FrameSize - 1))));
        return true;
    }

    public bool TryWriteUInt64(ulong pa, ulong value) => TryWrite(pa, 8, value);

    /// <summary>Makes a frame read as zero again and gives its host memory back.</summary>
    public void ZeroFrame(ulong framePa)
    {
        if (!Contains(framePa) || framePa % FrameSize != 0)
            throw new ArgumentOutOfRangeException(nameof(framePa), framePa, "Not a frame of RAM.");
        var index = FrameIndex(framePa);
        var chunk = _chunks[index >> ChunkShift];
        if (chunk?[index & (ChunkFrames - 1)] is null)
            return;
        chunk[index & (ChunkFrames - 1)] = null;
        _backedFrames--;
        FrameGeneration++;
        Changes.Bump();
    }

    /// <summary>
    /// What the frame at <paramref name="framePa"/> reads from: its backing array, or
    /// <see cref="UntouchedFrame"/> while it has none; null outside RAM.
    /// </summary>
    internal byte[]? FrameForReading(ulong framePa) =>
        Contains(framePa, FrameSize) ? FrameAt(framePa) ?? UntouchedFrame : null;

    /// <summary>Copies one whole frame onto another (copy-on-write's copy).</summary>
    public void CopyFrame(ulong fromPa, ulong toPa)
    {
        if (!Contains(fromPa, FrameSize) || !Contains(toPa, FrameSize) || (fromPa | toPa) % FrameSize != 0)
            throw new ArgumentOutOfRangeException(nameof(fromPa), "Both addresses must be frames of RAM.");
        var from = FrameAt(fromPa);
        if (from is null)
        {
            ZeroFrame(toPa);
            return;
        }
        from.CopyTo(BackedFrameAt(toPa), 0);
    }

    private static bool IsAccessSize(int size) => size is 1 or 2 or 4 or 8;

    private byte ReadByte(ulong pa) => FrameAt(pa) is { } frame ? frame[(int)(pa & (FrameSize - 1))] : (byte)0;

    private int FrameIndex(ulong pa) => (int)((pa - Base) >> FrameShift);

    private byte[]? FrameAt(ulong pa)
    {
        var index = FrameIndex(pa);
        return _chunks[index >> ChunkShift]?[index & (ChunkFrames - 1)];
    }

    private byte[] BackedFrameAt(ulong pa)
    {
        var index = FrameIndex(pa);
        var chunk = _chunks[index >> ChunkShift] ??= new byte[]?[ChunkFrames];
        ref var frame = ref chunk[index & (ChunkFrames - 1)];
        if (frame is null)
        {
            frame = new byte[FrameSize];
            _backedFrames++;
            FrameGeneration++;
            Changes.Bump();
        }
        return frame;
    }

    private static ulong ReadLittleEndian(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        1 => bytes[0],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
    };

    private static void WriteLittleEndian(Span<byte> bytes, ulong value)
    {
        switch (bytes.Length)
        {
            case 1: bytes[0] = (byte)value; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(bytes, value); break;
        }
    }
}
