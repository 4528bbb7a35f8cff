using Microsoft.CodeAnalysis;
using VmSpec.Generators.Emit;
using VmSpec.Scenarios;

namespace VmSpec.Generators.Model
{
    /// <summary>
    /// The generator's own diagnostics (VMS1xxx; the parser owns VMS00xx, and VMS01xx are the file-name
    /// rules the runner shares). docs/generator.md lists them.
    /// </summary>
    internal static class GeneratorDiagnostics
    {
        public const string InternalErrorId = "VMS1000";
        public const string InvalidTargetId = "VMS1001";
        public const string DuplicateTargetId = "VMS1002";
        public const string NameClashId = "VMS1003";
        public const string GivenTwiceId = "VMS1004";
        public const string SpecsRootId = "VMS1005";
        public const string NoScenariosId = "VMS1006";
        public const string TargetWithoutScenariosId = "VMS1007";

        public static DiagnosticInfo InternalError(string what, System.Exception exception, LocationInfo? location = null) => new DiagnosticInfo(
            InternalErrorId,
            "VmSpec generator internal error",
            $"The VmSpec generator failed while {what}: {exception.GetType().Name}: {exception.Message}",
            DiagnosticSeverity.Error,
            location);

        public static DiagnosticInfo InvalidTarget(string message, LocationInfo? location) => new DiagnosticInfo(
            InvalidTargetId, "Invalid conformance target", message, DiagnosticSeverity.Error, location);

        public static DiagnosticInfo DuplicateTarget(string name, LocationInfo? location) => new DiagnosticInfo(
            DuplicateTargetId,
            "Duplicate conformance target name",
            $"Two conformance targets are named '{name}'; give one of them another Name",
            DiagnosticSeverity.Error,
            location);

        public static DiagnosticInfo NameClash(string path, string firstPath, TestNames names) => new DiagnosticInfo(
            NameClashId,
            "Two scenarios become one test",
            $"'{path}' and '{firstPath}' both become the test {names.Fixture}.{names.Method} (generated file names are compared ignoring case); "
                + "rename one so that their names differ in more than punctuation and case",
            DiagnosticSeverity.Error,
            LocationInfo.From(path, SourceSpan.Start));

        public static DiagnosticInfo GivenTwice(string path) => new DiagnosticInfo(
            GivenTwiceId,
            "Scenario file given twice",
            $"'{path}' is given twice as an additional file, which would make its test twice; include it once",
            DiagnosticSeverity.Error,
            LocationInfo.From(path, SourceSpan.Start));

        public static DiagnosticInfo SpecsRoot(string root) => new DiagnosticInfo(
            SpecsRootId,
            "Specs root is not a specs folder",
            $"VmSpecSpecsRoot '{root}' is neither a folder named specs nor inside one, so no file in it is a scenario: the format takes a scenario's area from its folder under specs/",
            DiagnosticSeverity.Error,
            null);

        public static DiagnosticInfo NoScenarios(string root) => new DiagnosticInfo(
            NoScenariosId,
            "No scenario files",
            $"No scenario file (*.yaml) is under VmSpecSpecsRoot '{root}', so the suite has no tests; check the path, or write the corpus there with 'vmspec corpus'",
            DiagnosticSeverity.Warning,
            null);

        public static DiagnosticInfo TargetWithoutScenarios(TargetModel target, LocationInfo? location) => new DiagnosticInfo(
            TargetWithoutScenariosId,
            "Conformance target runs no scenario",
            $"No scenario that parses lists the kind '{target.Kind}' in its mmu, so the target '{target.Name}' runs no test; check the kind's spelling, and the errors reported for scenario files",
            DiagnosticSeverity.Warning,
            location);
    }
}
