namespace VmSpec.Scenarios
{
    /// <summary>
    /// An address as written in a scenario: a number, a <c>SEL:OFFSET</c> segmented address, or a
    /// name bound by an earlier step's <c>as</c> (or the predefined <c>clock</c>) plus an offset.
    /// Names are resolved by the runner, because their values exist only at run time.
    /// </summary>
    public abstract record AddressExpr
    {
        private protected AddressExpr() { }
    }

    /// <summary>A plain number, e.g. <c>0x4000_1234</c>.</summary>
    public sealed record LiteralAddress(ulong Value) : AddressExpr
    {
        public override string ToString() => "0x" + Value.ToString("x");
    }

    /// <summary>A segmented address <c>"SEL:OFFSET"</c>.</summary>
    public sealed record SegmentedAddress(ulong Selector, ulong Offset) : AddressExpr
    {
        public override string ToString() => "0x" + Selector.ToString("x") + ":0x" + Offset.ToString("x");
    }

    /// <summary><c>NAME</c> or <c>NAME+OFFSET</c>.</summary>
    public sealed record NamedAddress(string Name, ulong Offset) : AddressExpr
    {
        /// <summary>The address of the shared clock page, defined in every scenario.</summary>
        public const string Clock = "clock";

        public override string ToString() => Offset == 0 ? Name : Name + "+0x" + Offset.ToString("x");
    }
}
