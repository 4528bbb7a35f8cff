namespace VmSpec.Core.Memory;

/// <summary>One bit per frame, set while the frame is free; starts all free.</summary>
internal sealed class FreeFrameBitmap
{
    private readonly ulong[] _words;

    public FreeFrameBitmap(long frames)
    {
        _words = new ulong[(frames + 63) / 64];
        Array.Fill(_words, ulong.MaxValue);
    }

    public bool this[long frame]
    {
        get => (_words[frame >> 6] & (1UL << (int)(frame & 63))) != 0;
        set
        {
            if (value)
                _words[frame >> 6] |= 1UL << (int)(frame & 63);
            else
                _words[frame >> 6] &= ~(1UL << (int)(frame & 63));
        }
    }
}
