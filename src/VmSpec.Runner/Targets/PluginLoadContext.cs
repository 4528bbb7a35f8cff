using System.Reflection;
using System.Runtime.Loader;

namespace VmSpec.Runner.Targets;

/// <summary>
/// Loads a plug-in and its own dependencies, but every assembly the host already has (VmSpec.Core
/// above all) from the host: a plug-in compiled against VmSpec.Core must see the host's IMmu, or its
/// types would implement a different interface of the same name. The plug-in's dependencies are
/// found as .NET finds them for any plug-in, through its <c>.deps.json</c>; a package's assembly is
/// there when the plug-in is built with <c>EnableDynamicLoading</c>, which copies it beside the
/// plug-in. An assembly the plug-in's folder holds but its <c>.deps.json</c> does not name is found too.
/// </summary>
internal sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(pluginPath))
{
    private readonly string _folder = Path.GetDirectoryName(pluginPath)!;
    private readonly AssemblyDependencyResolver _dependencies = new(pluginPath);

    protected override Assembly? Load(AssemblyName name)
    {
        if (Default.Assemblies.Any(loaded => AssemblyName.ReferenceMatchesDefinition(name, loaded.GetName())) || IsHostAssembly(name))
            return null;
        var candidate = _dependencies.ResolveAssemblyToPath(name) ?? Path.Combine(_folder, name.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _dependencies.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    private static bool IsHostAssembly(AssemblyName name) =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, name.Name + ".dll"));
}
