namespace VmSpec.Scenarios.Tests.Support;

internal static class RepoRoot
{
    /// <summary>The folder holding VmSpec.sln, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VmSpec.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("VmSpec.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
