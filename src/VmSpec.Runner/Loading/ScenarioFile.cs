namespace VmSpec.Runner.Loading;

/// <summary>
/// One file to load. <see cref="FullPath"/>, in the case the disk has, tells files apart and gives the
/// area; <see cref="ShownPath"/> is what messages print, as short as the user could click on.
/// </summary>
public sealed record ScenarioFile(string FullPath, string ShownPath);
