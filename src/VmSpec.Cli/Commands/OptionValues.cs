using System.CommandLine;
using System.CommandLine.Parsing;

namespace VmSpec.Cli.Commands;

/// <summary>
/// Options that take a value. The parser takes the token after such an option as its value even
/// when that token is another option of the command (<c>--output --min</c> would write a file named
/// <c>--min</c>), so that token is refused as what it is: the option's value is missing.
/// </summary>
internal static class OptionValues
{
    public static TOption RefuseOptionAsValue<TOption>(TOption option) where TOption : Option
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(token => NamesAnOption(result, token.Value)))
                result.AddError($"Required argument missing for option: '{result.IdentifierToken?.Value ?? option.Name}'.");
        });
        return option;
    }

    private static bool NamesAnOption(OptionResult result, string token)
    {
        for (var parent = result.Parent; parent is CommandResult command; parent = command.Parent)
            if (command.Command.Options.Any(option => option.Name == token || option.Aliases.Contains(token)))
                return true;
        return false;
    }
}
