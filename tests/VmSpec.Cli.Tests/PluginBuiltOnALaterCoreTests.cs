using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace VmSpec.Cli.Tests;

/// <summary>
/// A plug-in built against a later VmSpec.Core than the tool's gets the tool's (it must implement the
/// tool's IMmu), which the runtime refuses: the tool says which versions differ rather than "not found".
/// </summary>
public class PluginBuiltOnALaterCoreTests
{
    [Test]
    public void The_plug_in_is_refused_with_both_versions_named()
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        var plugin = Path.Combine(specs.Root, "LaterCore.dll");
        File.Copy(typeof(SupervisorExecutesUserPages).Assembly.Location, plugin);
        var host = typeof(VmSpec.Core.Machine).Assembly.GetName().Version!;
        RaiseReferencedVersion(plugin, "VmSpec.Core", major: 99);

        var run = CliRun.Of("run", specs.Root, "--plugin", plugin);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"it was built against VmSpec.Core 99.0.0.0, and vmspec has {host}"));
    }

    /// <summary>Rewrites the major version of one AssemblyRef row in place: the first two bytes of the row.</summary>
    private static void RaiseReferencedVersion(string path, string reference, ushort major)
    {
        long offset;
        using (var pe = new PEReader(File.OpenRead(path)))
        {
            var metadata = pe.GetMetadataReader();
            var row = metadata.AssemblyReferences.Single(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name) == reference);
            offset = pe.PEHeaders.MetadataStartOffset
                + metadata.GetTableMetadataOffset(TableIndex.AssemblyRef)
                + (long)(MetadataTokens.GetRowNumber(row) - 1) * metadata.GetTableRowSize(TableIndex.AssemblyRef);
        }
        using var file = File.OpenWrite(path);
        file.Position = offset;
        file.Write(BitConverter.GetBytes(major));
        file.Write(new byte[6]);
    }
}
