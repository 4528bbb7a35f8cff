using VmSpec.Cli.Tests.BrokenPlugin;

namespace VmSpec.Cli.Tests;

/// <summary>
/// A plug-in whose MMU throws, or gives nothing, when it is built or asked what it is, is bad input
/// for every command: exit 2, each broken type named with the member and the plug-in's own message.
/// </summary>
public class BrokenPluginTests
{
    private static readonly string Plugin = typeof(BrokenMmu).Assembly.Location;

    [TestCase("run")]
    [TestCase("list")]
    [TestCase("coverage")]
    [TestCase("report")]
    public void Every_command_refuses_the_plug_in_and_names_each_broken_mmu(string command)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        string[] args = command == "list" ? [command, "--plugin", Plugin] : [command, specs.Root, "--plugin", Plugin];

        var run = CliRun.Of(args);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Output, Is.Empty, "nothing runs or prints before the plug-in is refused");
        Assert.That(run.Error.ReplaceLineEndings("\n"), Is.EqualTo(string.Concat(
            $"error: plug-in {Plugin}: new ConstructorThrows(Machine) threw: boom in ctor\n",
            $"error: plug-in {Plugin}: FeaturesAreNull.Features is null\n",
            $"error: plug-in {Plugin}: FeaturesThrow.Features threw: boom in Features\n",
            $"error: plug-in {Plugin}: KindIsEmpty.Kind is empty\n",
            $"error: plug-in {Plugin}: KindNoScenarioCanName.Kind 'Offset' can never be named by a scenario's mmu list, which spells a kind with lowercase letters, digits and '-', starting with a letter\n",
            $"error: plug-in {Plugin}: KindThrows.Kind threw: boom in Kind\n",
            $"error: plug-in {Plugin}: LevelsThrow.Levels threw: boom in Levels\n")));
    }
}
