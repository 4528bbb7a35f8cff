using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace VmSpec.Core.Memory;

/// <summary>
/// Little-endian access to the host array of one frame, as <see cref="PhysicalMemory.TryRead"/>
/// and <see cref="PhysicalMemory.TryWrite"/> do it, for callers that already hold the array.
/// False for what needs the memory itself: a size other than 1, 2, 4 or 8, or bytes past the frame.
/// </summary>
internal static class FrameBytes
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryRead(byte[] frame, int offset, int size, out ulong value)
    {
        // The size of nearly every access first, in as few steps as it takes.
        if (size == sizeof(ulong) && (uint)offset <= (uint)(frame.Length - sizeof(ulong)))
        {
            value = BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(frame, offset, sizeof(ulong)));
            return true;
        }
        value = 0;
        if ((uint)offset > (uint)(frame.Length - size))
            return false;
        ReadOnlySpan<byte> bytes = frame.AsSpan(offset);
        switch (size)
        {
            case 8: value = BinaryPrimitives.ReadUInt64LittleEndian(bytes); return true;
            case 4: value = BinaryPrimitives.ReadUInt32LittleEndian(bytes); return true;
            case 2: value = BinaryPrimitives.ReadUInt16LittleEndian(bytes); return true;
            case 1: value = bytes[0]; return true;
            default: return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryWrite(byte[] frame, int offset, int size, ulong value)
    {
        if ((uint)offset > (uint)(frame.Length - size))
            return false;
        var bytes = frame.AsSpan(offset);
        switch (size)
        {
            case 8: BinaryPrimitives.WriteUInt64LittleEndian(bytes, value); return true;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)value); return true;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value); return true;
            case 1: bytes[0] = (byte)value; return true;
            default: return false;
        }
    }
}
