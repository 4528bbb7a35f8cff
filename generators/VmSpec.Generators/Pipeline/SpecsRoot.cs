using VmSpec.Generators.Model;
using VmSpec.Scenarios;

namespace VmSpec.Generators.Pipeline
{
    /// <summary>
    /// The folder the props file takes scenarios from. Only files under a folder named <c>specs</c> are
    /// scenarios (<see cref="ScenarioFiles.IsScenario"/>), so a root elsewhere would give no test and no
    /// error; this says so instead.
    /// </summary>
    internal static class SpecsRoot
    {
        /// <summary>Made visible to the generator by the props file's CompilerVisibleProperty.</summary>
        public const string Property = "build_property.VmSpecSpecsRoot";

        public static DiagnosticInfo? Check(string? root)
        {
            if (string.IsNullOrWhiteSpace(root))
                return null;
            return SpecsFolder.Holds(root!) ? null : GeneratorDiagnostics.SpecsRoot(root!);
        }
    }
}
