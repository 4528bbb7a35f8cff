namespace VmSpec.Core.Paging;

/// <summary>How the A and D bits are kept: by the walk itself, or by faulting to software (Svade).</summary>
public enum AdMode : byte
{
    Hardware,
    Fault,
}

/// <summary>
/// The scenario format's <c>sv39</c> section. The single-level MMU shares the Sv39 PTE layout and
/// therefore honours these settings too.
/// </summary>
public sealed record Sv39Options(AdMode Ad = AdMode.Hardware, bool Sum = false, bool Mxr = false);

/// <summary>The scenario format's <c>paging</c> section: the single-level table's geometry.</summary>
public sealed record SingleLevelOptions(ulong PageSize = 4096, int VaBits = 32);
