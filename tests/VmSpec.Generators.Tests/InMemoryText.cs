using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace VmSpec.Generators.Tests;

/// <summary>An additional file that exists only in the test, as the IDE would hand one over.</summary>
internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public string Text { get; } = text;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(Text);
}

/// <summary>A file the compiler cannot read: the generator must report it, not crash.</summary>
internal sealed class BrokenText(string path, Exception? error = null) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => throw error ?? new IOException("disk on fire");
}

/// <summary>A file as the compiler reads it when it is not UTF-8: decoded with another encoding, which the text remembers.</summary>
internal sealed class DecodedText(string path, string text, System.Text.Encoding encoding) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, encoding);
}

/// <summary>A file the compiler could not read: its text is null, as the compiler hands over a file it failed to open.</summary>
internal sealed class UnreadableText(string path) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
}
