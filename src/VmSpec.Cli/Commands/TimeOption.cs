using System.CommandLine;
using System.Globalization;

namespace VmSpec.Cli.Commands;

/// <summary>
/// A time in ns for the effective access time: zero or more, and finite. A negative time or NaN
/// is not a setting but a typing mistake, and would print an EAT of -205 ns or NaN ns.
/// </summary>
internal static class TimeOption
{
    public static Option<double> Create(string name, string description, double defaultTime) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultTime,
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var time) && double.IsFinite(time) && time >= 0)
                return time;
            result.AddError($"{name} must be a time in ns, zero or more, not {token}");
            return defaultTime;
        },
    };
}
