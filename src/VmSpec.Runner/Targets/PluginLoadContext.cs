using System.Reflection;
using System.Runtime.Loader;

namespace VmSpec.Runner.Targets;

/// <summary>
/// Loads a plug-in and its own dependencies from its folder, but every assembly the host already
/// has (VmSpec.Core above all) from the host: a plug-in compiled against VmSpec.Core must see the
/// host's IMmu, or its types would implement a different interface of the same name.
/// </summary>
internal sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(pluginPath))
{
    private readonly string _folder = Path.GetDirectoryName(pluginPath)!;

    protected override Assembly? Load(AssemblyName name)
    {
        if (Default.Assemblies.Any(loaded => AssemblyName.ReferenceMatchesDefinition(name, loaded.GetName())) || IsHostAssembly(name))
            return null;
        var candidate = Path.Combine(_folder, name.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }

    private static bool IsHostAssembly(AssemblyName name) =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, name.Name + ".dll"));
}
