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
        /// <summary>VmSpecSpecsRoot as a full folder path, made visible to the generator by VmSpec.Specs.targets.</summary>
        public const string Property = "build_property.VmSpecSpecsFolder";

        public static DiagnosticInfo? Check(string? root)
        {
            if (string.IsNullOrWhiteSpace(root))
                return null;
            return SpecsFolder.Holds(root!) ? null : GeneratorDiagnostics.SpecsRoot(root!);
        }
    }
}
