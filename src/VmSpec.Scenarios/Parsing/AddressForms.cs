using System;

namespace VmSpec.Scenarios.Parsing
{
    /// <summary>Which spellings an address field accepts.</summary>
    [Flags]
    internal enum AddressForms
    {
        Number = 1,
        Segmented = 2,
        Name = 4,
        Virtual = Number | Name,
        Any = Number | Segmented | Name,
    }
}
