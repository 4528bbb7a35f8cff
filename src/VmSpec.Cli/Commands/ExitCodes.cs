namespace VmSpec.Cli.Commands;

public static class ExitCodes
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int FormatError = 2;
}
