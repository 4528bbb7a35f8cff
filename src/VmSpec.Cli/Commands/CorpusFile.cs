namespace VmSpec.Cli.Commands;

internal enum CorpusFileAction
{
    /// <summary>Not there yet.</summary>
    Write,

    /// <summary>There as the corpus last wrote it, and the corpus has changed it since.</summary>
    Update,

    /// <summary>There, byte for byte.</summary>
    Same,

    /// <summary>There, different, and not as the corpus last wrote it: the user's.</summary>
    KeepEdit,
}

/// <summary>One file of the corpus, and what writing the corpus does to its copy in the target folder.</summary>
internal sealed record CorpusFile(string File, byte[] Shipped, string Destination, CorpusFileAction Action)
{
    public static CorpusFile Plan(string file, string shippedFolder, string target, CorpusManifest manifest)
    {
        var shipped = System.IO.File.ReadAllBytes(Path.Combine(shippedFolder, file));
        var destination = Path.Combine(target, file);
        if (!System.IO.File.Exists(destination))
            return new(file, shipped, destination, CorpusFileAction.Write);
        var present = System.IO.File.ReadAllBytes(destination);
        var action = present.AsSpan().SequenceEqual(shipped) ? CorpusFileAction.Same
            : manifest.WroteExactly(file, present) ? CorpusFileAction.Update
            : CorpusFileAction.KeepEdit;
        return new(file, shipped, destination, action);
    }

    /// <summary>Does the action, and records in the manifest what the folder now holds of the corpus's.</summary>
    public void Carry(CorpusManifest manifest)
    {
        if (Action == CorpusFileAction.KeepEdit)
            return;
        if (Action != CorpusFileAction.Same)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Destination)!);
            System.IO.File.WriteAllBytes(Destination, Shipped);
        }
        manifest.Record(File, Shipped);
    }
}
