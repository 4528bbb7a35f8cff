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
    // A later major version, and a later minor one of the same major (docs/reports.md: 0.2.0.0 against 0.1.0.0).
    [TestCase(99, 0)]
    [TestCase(0, 1)]
    public void The_plug_in_is_refused_with_both_versions_named(int majorAbove, int minorAbove)
    {
        using var specs = new ScratchSpecs();
        specs.Write("sv39/one.yaml", ScratchSpecs.OneSv39Read);
        var plugin = Path.Combine(specs.Root, "LaterCore.dll");
        File.Copy(typeof(SupervisorExecutesUserPages).Assembly.Location, plugin);
        var host = typeof(VmSpec.Core.Machine).Assembly.GetName().Version!;
        var later = majorAbove > 0 ? new Version(host.Major + majorAbove, 0, 0, 0) : new Version(host.Major, host.Minor + minorAbove, 0, 0);
        SetReferencedVersion(plugin, "VmSpec.Core", later);

        var run = CliRun.Of("run", specs.Root, "--plugin", plugin);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"it was built against VmSpec.Core {later}, and vmspec has {host}"));
    }

    /// <summary>Rewrites the version of one AssemblyRef row in place: its first eight bytes, four 16-bit parts.</summary>
    private static void SetReferencedVersion(string path, string reference, Version version)
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
        foreach (var part in new[] { version.Major, version.Minor, version.Build, version.Revision })
            file.Write(BitConverter.GetBytes((ushort)part));
    }
}
