using System.Reflection;
using VmSpec.Core;
using VmSpec.Core.Mmu;

namespace VmSpec.Runner.Targets;

/// <summary>
/// MMUs from an assembly built outside this repository: every public, non-abstract type that
/// implements <see cref="IMmu"/> and has a public constructor taking a <see cref="Machine"/>
/// becomes a target named after the type. Nothing here throws for a bad plug-in; it says why.
/// </summary>
public static class PluginTargets
{
    public static bool TryLoad(string assemblyPath, out IReadOnlyList<MmuTarget> targets, out string? error)
    {
        targets = [];
        var path = Path.GetFullPath(assemblyPath);
        if (!File.Exists(path))
        {
            error = $"plug-in {assemblyPath}: no such file";
            return false;
        }

        try
        {
            var assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
            targets = MmuTypes(assembly).Select(type => MmuTarget.FromType(type)).ToList();
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or FileNotFoundException
                                           or ReflectionTypeLoadException or TargetInvocationException or ArgumentException)
        {
            error = $"plug-in {assemblyPath}: {(exception.InnerException ?? exception).Message}";
            return false;
        }

        error = targets.Count == 0 ? $"plug-in {assemblyPath}: no public IMmu type with a constructor taking a Machine" : null;
        return error is null;
    }

    private static IEnumerable<Type> MmuTypes(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IMmu).IsAssignableFrom(type))
            .Where(type => type.GetConstructor([typeof(Machine)]) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
}
