using Microsoft.CodeAnalysis;

namespace VmSpec.Generators.Model
{
    /// <summary>
    /// The generator's own diagnostics (VMS1xxx; the parser owns VMS00xx). docs/generator.md lists them.
    /// </summary>
    internal static class GeneratorDiagnostics
    {
        public const string InternalErrorId = "VMS1000";
        public const string InvalidTargetId = "VMS1001";
        public const string DuplicateTargetId = "VMS1002";

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
    }
}
