using System.Reflection;
using System.Xml.Linq;

namespace VmSpec.Packaging.Tests;

/// <summary>
/// A folder outside the repository laid out as a user's: a package feed packed from this build, a
/// <c>nuget.config</c> naming it, an MMU project on the VmSpec.Core package (the Sv48 sample, and an
/// MMU of a kind of its own that needs a package the host does not have), a test project on the
/// VmSpec.Conformance package, and their scenarios in a <c>specs</c> folder beside the two, which the
/// test project names as its <c>VmSpecSpecsRoot</c> (the layout of docs/packages.md). Restores go to
/// a packages folder of the workspace's own, so the machine's cache never holds these builds of
/// VmSpec and a later run cannot restore a stale one; every other package is found in the machine's
/// cache, named as a fallback folder.
/// </summary>
internal sealed class OutsideWorkspace : IDisposable
{
    public const string Mmu = "MyMmus";
    public const string Tests = "MyMmus.Tests";

    public OutsideWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("vmspec-packages-").FullName;
        Environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            // No build nodes left behind once the test is over.
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
    }

    public string Root { get; }

    public string Feed => Path.Combine(Root, "feed");

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The repository this test was built from (set by the project file).</summary>
    public static string Repository { get; } = typeof(OutsideWorkspace).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The configuration this test was built in, which every packed project was built in too.</summary>
    public static string Configuration { get; } =
        typeof(OutsideWorkspace).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    /// <summary>
    /// The repository's version with a suffix of this run's own. NuGet takes a package from a
    /// fallback folder before any source, and a user who followed docs/packages.md on this machine
    /// has the plain version in the machine's cache, which would then stand in for this build's.
    /// </summary>
    public static string Version { get; } = XDocument.Load(Path.Combine(Repository, "Directory.Build.props"))
        .Descendants("VersionPrefix").Single().Value + "-packaging." + Guid.NewGuid().ToString("N")[..12];

    public string SpecsFolder => Path.Combine(Root, "specs");

    public string PluginPath => Path.Combine(Root, Mmu, "bin", "Debug", "net10.0", Mmu + ".dll");

    public CommandResult Dotnet(params string[] arguments) => DotnetCommand.Run("dotnet", Root, Environment, arguments);

    public CommandResult Pack() =>
        Dotnet("pack", Path.Combine(Repository, "VmSpec.Packages.slnf"), "--no-build", "-c", Configuration, "-o", Feed, $"-p:PackageVersion={Version}");

    public void WriteProjects()
    {
        WriteNuGetConfig();
        WriteMmuProject();
        WriteTestProject();
        CopyFolder(Path.Combine(Repository, "specs", "sv48"), Path.Combine(SpecsFolder, "sv48"));
        WriteOffsetScenario();
        WriteDecoy();
    }

    /// <summary>The feed as a source; the machine's cache as a fallback, read but never written.</summary>
    private void WriteNuGetConfig() =>
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="vmspec" value="{Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{MachinePackages()}" />
              </fallbackPackageFolders>
            </configuration>
            """);

    /// <summary>
    /// The Sv48 sample's sources, on the VmSpec.Core package instead of the repository's project, and
    /// <see cref="OffsetMmu"/>. Built with <c>EnableDynamicLoading</c>, as a plug-in with
    /// dependencies of its own must be, so the package's assembly is copied beside it.
    /// </summary>
    private void WriteMmuProject()
    {
        var mmu = Directory.CreateDirectory(Path.Combine(Root, Mmu)).FullName;
        File.WriteAllText(Path.Combine(mmu, Mmu + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <EnableDynamicLoading>true</EnableDynamicLoading>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="VmSpec.Core" Version="{Version}" />
                <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
              </ItemGroup>
            </Project>
            """);
        foreach (var source in Directory.GetFiles(Path.Combine(Repository, "samples", "Sv48", "VmSpec.Samples.Sv48"), "*.cs"))
            File.Copy(source, Path.Combine(mmu, Path.GetFileName(source)));
        File.WriteAllText(Path.Combine(mmu, "OffsetMmu.cs"), OffsetMmu);
    }

    /// <summary>
    /// An MMU that is not a paging one: every address is RAM's base plus the address. Its dump is
    /// JSON written by Newtonsoft.Json, a package neither the tool nor VmSpec.Core has.
    /// </summary>
    private const string OffsetMmu = """
        using Newtonsoft.Json;
        using VmSpec.Core;
        using VmSpec.Core.Mmu;

        namespace MyMmus;

        public sealed class OffsetMmu(Machine machine) : IMmu
        {
            public string Kind => "offset";

            public IReadOnlySet<string> Features { get; } = new HashSet<string>();

            public Machine Machine { get; } = machine;

            public MmuCounters Counters { get; } = new();

            public Translation Translate(in Access access) =>
                Translation.Success(Machine.Memory.Base + access.Address, 0, 1, tlbHit: false, walk: null);

            public string Dump() => JsonConvert.SerializeObject(new { kind = Kind, @base = Machine.Memory.Base }) + "\n";
        }
        """;

    /// <summary>A scenario of the offset kind whose snapshot is the MMU's JSON dump, worked out by hand.</summary>
    private void WriteOffsetScenario()
    {
        var folder = Path.Combine(SpecsFolder, "offset");
        Directory.CreateDirectory(Path.Combine(folder, "__snapshots__"));
        File.WriteAllText(Path.Combine(folder, "base-plus-va.yaml"), """
            description: The offset MMU adds RAM's base to every address.
            spec: MyMmus (offset translation)
            mmu: [offset]
            steps:
              - read: 0x1234
                expect: { pa: 0x8000_1234 }
              - snapshot: state
            """);
        // RAM's default base, 0x8000_0000, is 2147483648.
        File.WriteAllText(Path.Combine(folder, "__snapshots__", "base-plus-va.state.offset.snap"), "{\"kind\":\"offset\",\"base\":2147483648}\n");
    }

    /// <summary>
    /// A test project on the VmSpec.Conformance package, registering the sample. It names the specs
    /// folder beside it in its own body, after NuGet has imported the package's build files: the
    /// package must read the property late enough to see it.
    /// </summary>
    private void WriteTestProject()
    {
        var tests = Directory.CreateDirectory(Path.Combine(Root, Tests)).FullName;
        File.WriteAllText(Path.Combine(tests, Tests + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsTestProject>true</IsTestProject>
                <VmSpecSpecsRoot>../specs</VmSpecSpecsRoot>
                <WarningsAsErrors>$(WarningsAsErrors);VMS1006;VMS1007</WarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="VmSpec.Conformance" Version="{Version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{RepositoryVersionOf("Microsoft.NET.Test.Sdk")}" />
                <PackageReference Include="NUnit3TestAdapter" Version="{RepositoryVersionOf("NUnit3TestAdapter")}" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../{Mmu}/{Mmu}.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(tests, "Targets.cs"), """
            using VmSpec.Conformance;

            [assembly: ConformanceTarget(typeof(VmSpec.Samples.Sv48.Sv48Mmu), "sv48")]
            [assembly: ConformanceTarget(typeof(MyMmus.OffsetMmu), "offset")]
            """);
    }

    /// <summary>
    /// A failing scenario in the test project's own <c>specs</c> folder, the root the package uses
    /// when none is named: it runs only if the project's <c>VmSpecSpecsRoot</c> went unread.
    /// </summary>
    private void WriteDecoy()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, Tests, "specs", "sv48")).FullName;
        File.WriteAllText(Path.Combine(folder, "decoy.yaml"), """
            description: Runs only when the project's specs root was ignored; an empty space has no mapping.
            spec: VmSpec format (map)
            mmu: [sv48]
            steps:
              - read: 0x1000
                expect: { pa: 0x8020_1000 }
            """);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is a temporary one.
        }
    }

    private static string MachinePackages() =>
        System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string RepositoryVersionOf(string package) =>
        XDocument.Load(Path.Combine(Repository, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == package).Attribute("Version")!.Value;

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
