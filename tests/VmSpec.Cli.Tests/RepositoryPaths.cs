namespace VmSpec.Cli.Tests;

/// <summary>The repository this test runs from, found by walking up to VmSpec.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    public static string Specs => Path.Combine(Root, "specs");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "VmSpec.sln")))
                return folder.FullName;
        throw new InvalidOperationException("VmSpec.sln not found above the test directory.");
    }
}
