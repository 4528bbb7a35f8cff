using System.Buffers.Binary;
using VmSpec.Core.Mmu;

namespace VmSpec.Core.Memory;

/// <summary>
/// Byte-addressable RAM at [Base, Base+Size), little-endian. Sparse: a frame gets host memory on
/// its first write (or the first read that finds its boot word, which the frame then holds), so a
/// 1 GiB RAM of which a few MiB are touched costs a few MiB. RAM starts
/// zeroed; once a boot word is laid (<see cref="LayBootWords"/>), a frame nobody has written or
/// zeroed since reads it in its first eight bytes. An address outside RAM is reported, never thrown.
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

    // A frame's slot is null while it is pristine (it reads as booted), Zeros once zeroed without
    // host memory of its own, and its own array once written.
    private readonly byte[]?[]?[] _chunks;
    private long _backedFrames;
    private Func<ulong, ulong>? _bootWord;

    /// <summary>
    /// Changes whenever what backs a frame changes: an array given on its first write (or first
    /// read through <see cref="FrameForReading"/> while it holds a boot word), or dropped by
    /// <see cref="ZeroFrame"/>. So what a frame was found to read from is still what it reads from
    /// for as long as the generation stands.
    /// </summary>
    internal long FrameGeneration { get; private set; }

    /// <summary>Bumped with <see cref="FrameGeneration"/>, and by the machine's TLBs and MMUs for their own changes (see <see cref="ChangeCount"/>).</summary>
    internal ChangeCount Changes { get; } = new();

    /// <summary>The bytes of every frame that reads as zero and has no host memory of its own. Never written: a store to such a frame goes through <see cref="TryWrite"/>, which backs it.</summary>
    internal static readonly byte[] Zeros = new byte[FrameSize];

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

    /// <summary>
    /// Gives every frame <paramref name="bootWord"/>(frame) in its first eight bytes, as if written
    /// at boot, without backing any: the frame allocator threads its free list through every frame
    /// this way. A frame reads its boot word until it is first written or zeroed.
    /// </summary>
    internal void LayBootWords(Func<ulong, ulong> bootWord)
    {
        if (_bootWord is not null)
            throw new InvalidOperationException("This RAM has already been booted.");
        _bootWord = bootWord;
        FrameGeneration++;
        Changes.Bump();
    }

    public bool Contains(ulong pa, ulong length = 1) =>
        pa >= Base && length <= Size && pa - Base <= Size - length;

    public bool TryRead(ulong pa, int size, out ulong value)
    {
        value = 0;
        if (!AccessSize.IsValid(size) || !Contains(pa, (ulong)size))
            return false;

        var offset = (int)(pa & (FrameSize - 1));
        if (offset + size <= (int)FrameSize)
        {
            var frame = FrameAt(pa);
            value = frame is null ? ReadPristine(pa, offset, size) : ReadLittleEndian(frame.AsSpan(offset, size));
            return true;
        }

        // Straddles two frames: assemble it byte by byte.
        for (var i = size - 1; i >= 0; i--)
            value = (value << 8) | ReadByte(pa + (ulong)i);
        return true;
    }

    public bool TryWrite(ulong pa, int size, ulong value)
    {
        if (!AccessSize.IsValid(size) || !Contains(pa, (ulong)size))
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

    /// <summary>Reads one 64-bit word: the shape of every PTE read, for which an aligned word is the fast path.</summary>
    public bool TryReadUInt64(ulong pa, out ulong value)
    {
        // An aligned word never straddles frames, and one unsigned compare covers both ends of RAM.
        if ((pa & 7) != 0 || pa - Base > Size - 8)
            return TryRead(pa, 8, out value);
        var frame = FrameAt(pa);
        var offset = (int)(pa & (FrameSize - 1));
        value = frame is null ? ReadPristine(pa, offset, 8) : BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(offset));
        return true;
    }

    public bool TryWriteUInt64(ulong pa, ulong value) => TryWrite(pa, 8, value);

    /// <summary>Makes a frame read as zero again and gives its host memory back.</summary>
    public void ZeroFrame(ulong framePa)
    {
        if (!Contains(framePa) || framePa % FrameSize != 0)
            throw new ArgumentOutOfRangeException(nameof(framePa), framePa, "Not a frame of RAM.");
        if (_bootWord is null && FrameAt(framePa) is null)
            return;
        ref var frame = ref SlotOf(framePa);
        if (frame == Zeros)
            return;
        if (frame is not null)
            _backedFrames--;
        frame = Zeros;
        FrameGeneration++;
        Changes.Bump();
    }

    /// <summary>
    /// What the frame at <paramref name="framePa"/> reads from: its backing array, or
    /// <see cref="Zeros"/> while it reads as zero without one; null outside RAM. A frame that still
    /// holds its boot word is backed first, so its bytes can be read from an array like any other.
    /// </summary>
    internal byte[]? FrameForReading(ulong framePa)
    {
        if (!Contains(framePa, FrameSize))
            return null;
        return FrameAt(framePa) ?? (_bootWord is null ? Zeros : BackedFrameAt(framePa));
    }

    /// <summary>Copies one whole frame onto another (copy-on-write's copy).</summary>
    public void CopyFrame(ulong fromPa, ulong toPa)
    {
        if (!Contains(fromPa, FrameSize) || !Contains(toPa, FrameSize) || (fromPa | toPa) % FrameSize != 0)
            throw new ArgumentOutOfRangeException(nameof(fromPa), "Both addresses must be frames of RAM.");
        var from = FrameForReading(fromPa)!;
        if (from == Zeros)
        {
            ZeroFrame(toPa);
            return;
        }
        from.CopyTo(BackedFrameAt(toPa), 0);
    }

    private byte ReadByte(ulong pa)
    {
        var offset = (int)(pa & (FrameSize - 1));
        return FrameAt(pa) is { } frame ? frame[offset] : (byte)ReadPristine(pa, offset, 1);
    }

    /// <summary>Bytes of a frame never written or zeroed: its boot word at offsets 0..7, zero elsewhere.</summary>
    private ulong ReadPristine(ulong pa, int offset, int size)
    {
        if (_bootWord is null || offset >= sizeof(ulong))
            return 0;
        // The word, then zeros: an access that starts inside the word may run past its end.
        Span<byte> bytes = stackalloc byte[2 * sizeof(ulong)];
        bytes.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, _bootWord(pa & ~(FrameSize - 1)));
        return ReadLittleEndian(bytes.Slice(offset, size));
    }

    private int FrameIndex(ulong pa) => (int)((pa - Base) >> FrameShift);

    private byte[]? FrameAt(ulong pa)
    {
        var index = FrameIndex(pa);
        return _chunks[index >> ChunkShift]?[index & (ChunkFrames - 1)];
    }

    private byte[] BackedFrameAt(ulong pa)
    {
        ref var frame = ref SlotOf(pa);
        if (frame is not null && frame != Zeros)
            return frame;

        var pristine = frame is null;
        frame = new byte[FrameSize];
        if (pristine && _bootWord is not null)
            BinaryPrimitives.WriteUInt64LittleEndian(frame, _bootWord(pa & ~(FrameSize - 1)));
        _backedFrames++;
        FrameGeneration++;
        Changes.Bump();
        return frame;
    }

    private ref byte[]? SlotOf(ulong pa)
    {
        var index = FrameIndex(pa);
        var chunk = _chunks[index >> ChunkShift] ??= new byte[]?[ChunkFrames];
        return ref chunk[index & (ChunkFrames - 1)];
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
