namespace VmSpec.Runner;

/// <summary>
/// An exception that escaped an implementation, told as a failure: its type and message on the
/// first line (the line reports keep), then where it was thrown, so the implementer can go there.
/// </summary>
internal static class Thrown
{
    // The frames nearest the throw say where; a deep stack's callers of the runner say nothing new.
    private const int MaxFrames = 8;

    public static string Describe(Exception exception)
    {
        var frames = (exception.StackTrace ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(MaxFrames)
            .Select(frame => "  " + frame);
        return string.Join('\n', frames.Prepend($"{exception.GetType().Name}: {exception.Message}"));
    }
}
