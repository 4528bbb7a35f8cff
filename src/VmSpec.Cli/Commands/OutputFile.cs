using System.Security;

namespace VmSpec.Cli.Commands;

/// <summary>
/// A file a command writes its result to. It is opened, and emptied, as the command starts, so a
/// path that cannot be written is refused at once with nothing printed, and a command that stops
/// before its result (bad input, nothing to run) leaves an empty file, never an old result a CI step
/// could publish as this run's. It is written whole at the end. Either failure is bad input (exit 2)
/// said in one line, <c>error: cannot write PATH: REASON</c>.
/// </summary>
internal sealed class OutputFile
{
    private readonly string _path;

    private OutputFile(string path) => _path = path;

    /// <summary>
    /// True with the file (null when <paramref name="path"/> is, the console being the output), or
    /// false after saying why it cannot be written. The file is created when missing, and emptied when not.
    /// </summary>
    public static bool TryOpen(string? path, TextWriter error, out OutputFile? file)
    {
        file = null;
        if (path is null)
            return true;
        try
        {
            using (new FileStream(path, FileMode.Create, FileAccess.Write))
                file = new OutputFile(path);
            return true;
        }
        catch (Exception exception) when (IsWriteFailure(exception))
        {
            error.WriteLine(CannotWrite(path, exception));
            return false;
        }
    }

    /// <summary>Writes what <paramref name="render"/> produces, or says why it could not (a full disk, say).</summary>
    public bool TryWrite(Action<TextWriter> render, TextWriter error)
    {
        var text = new StringWriter { NewLine = "\n" };
        render(text);
        try
        {
            File.WriteAllText(_path, text.ToString());
            return true;
        }
        catch (Exception exception) when (IsWriteFailure(exception))
        {
            error.WriteLine(CannotWrite(_path, exception));
            return false;
        }
    }

    private static bool IsWriteFailure(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or SecurityException;

    private static string CannotWrite(string path, Exception exception)
    {
        // The runtime's messages repeat the path, and call a folder "access denied".
        var reason = exception switch
        {
            _ when Directory.Exists(path) => "it is a folder",
            DirectoryNotFoundException => "no such folder",
            _ => (exception.InnerException ?? exception).Message,
        };
        return $"error: cannot write {path}: {reason}";
    }
}
