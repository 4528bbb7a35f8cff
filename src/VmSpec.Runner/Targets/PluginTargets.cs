using System.Reflection;
using System.Runtime.Loader;
using VmSpec.Core;
using VmSpec.Core.Mmu;

namespace VmSpec.Runner.Targets;

/// <summary>
/// MMUs from an assembly built outside this repository: every public, non-abstract type that
/// implements <see cref="IMmu"/> and has a public constructor taking a <see cref="Machine"/>
/// becomes a target named after the type. Nothing here throws for a bad plug-in; it says why,
/// once for each type that cannot be used, so its author sees every problem in one go.
/// </summary>
public static class PluginTargets
{
    public static bool TryLoad(string assemblyPath, out IReadOnlyList<MmuTarget> targets, out IReadOnlyList<string> problems)
    {
        targets = [];
        if (!TryFindTypes(assemblyPath, out var types, out var problem))
        {
            problems = [$"plug-in {assemblyPath}: {problem}"];
            return false;
        }

        var loaded = new List<MmuTarget>();
        var refused = new List<string>();
        foreach (var type in types)
        {
            try
            {
                loaded.Add(MmuTarget.FromType(type));
            }
            catch (MmuProbeException exception)
            {
                refused.Add($"plug-in {assemblyPath}: {exception.Message}");
            }
        }

        targets = loaded;
        problems = refused;
        return refused.Count == 0;
    }

    private static bool TryFindTypes(string assemblyPath, out IReadOnlyList<Type> types, out string? problem)
    {
        types = [];
        var path = Path.GetFullPath(assemblyPath);
        if (!File.Exists(path))
        {
            problem = Directory.Exists(path)
                ? "a folder, not an assembly: give the plug-in's .dll (in its build output, bin/<configuration>/<framework>/)"
                : "no such file";
            return false;
        }

        try
        {
            var context = new PluginLoadContext(path);
            var assembly = context.LoadFromAssemblyPath(path);
            if (HostVersionMismatch(assembly) is { } mismatch)
            {
                problem = mismatch;
                return false;
            }
            if (Unresolvable(context, assembly) is { Count: > 0 } missing)
            {
                problem = $"it references {string.Join(", ", missing)}, found neither beside it nor in vmspec: "
                    + "build it with <EnableDynamicLoading>true</EnableDynamicLoading>, which copies the packages it uses beside it";
                return false;
            }
            types = MmuTypes(assembly).ToList();
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or FileNotFoundException
                                           or ReflectionTypeLoadException or TypeLoadException)
        {
            problem = (exception.InnerException ?? exception).Message;
            return false;
        }

        problem = types.Count == 0 ? "no public IMmu type with a constructor taking a Machine" : null;
        return problem is null;
    }

    /// <summary>
    /// The assemblies the plug-in references that cannot be loaded. Found now, they refuse the
    /// plug-in with the fix; found in a step, each would fail a run with a FileNotFoundException.
    /// </summary>
    private static List<string> Unresolvable(PluginLoadContext context, Assembly plugin)
    {
        var missing = new List<string>();
        foreach (var reference in plugin.GetReferencedAssemblies())
        {
            try
            {
                context.LoadFromAssemblyName(reference);
            }
            catch (Exception exception) when (exception is FileNotFoundException or FileLoadException)
            {
                missing.Add(reference.Name ?? reference.FullName);
            }
        }
        return missing;
    }

    /// <summary>
    /// An assembly the host has (VmSpec.Core above all) that the plug-in was built against in a later
    /// version: the host's is the one it gets, so that it implements the host's IMmu, and the runtime
    /// may refuse it. Said first, since "not found" would point at the wrong fix.
    /// </summary>
    private static string? HostVersionMismatch(Assembly plugin)
    {
        foreach (var reference in plugin.GetReferencedAssemblies())
        {
            var host = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(loaded => loaded.GetName().Name == reference.Name)?.GetName();
            if (host is not null && reference.Version is { } wanted && host.Version is { } have && wanted > have)
                return $"it was built against {reference.Name} {wanted}, and vmspec has {have}: build it against the {reference.Name} this vmspec comes with";
        }
        return null;
    }

    private static IEnumerable<Type> MmuTypes(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IMmu).IsAssignableFrom(type))
            .Where(type => type.GetConstructor([typeof(Machine)]) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
}
