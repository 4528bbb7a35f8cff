using VmSpec.Scenarios;

namespace VmSpec.Runner.Execution;

/// <summary>Turns a scenario's address expression into an address, and a selector for SEL:OFFSET.</summary>
internal static class AddressResolver
{
    public static bool TryResolve(RunContext context, AddressExpr expression, out ulong address, out ulong? selector, out string? error)
    {
        selector = null;
        error = null;
        switch (expression)
        {
            case LiteralAddress literal:
                address = literal.Value;
                return true;
            case SegmentedAddress segmented:
                address = segmented.Offset;
                selector = segmented.Selector;
                return true;
            case NamedAddress named when context.Names.TryGetValue(named.Name, out var value):
                address = unchecked(value + named.Offset);
                return true;
            case NamedAddress named:
                address = 0;
                error = $"the name '{named.Name}' has no address here";
                return false;
            default:
                address = 0;
                error = $"unsupported address {expression}";
                return false;
        }
    }

    public static bool TryResolve(RunContext context, AddressExpr expression, out ulong address, out string? error) =>
        TryResolve(context, expression, out address, out _, out error);
}
