namespace Dome.Cedar.Schema;

/// <summary>One problem found in a schema: a lowercase message and, where known, where it is.</summary>
/// <param name="Message">What is wrong, with the offending input in backticks.</param>
/// <param name="Span">The source span for the text format; null when only <paramref name="Path"/> is known.</param>
/// <param name="Path">A JSON path (for the JSON format) naming the element at fault, or null.</param>
public sealed record SchemaDiagnostic(string Message, SchemaSourceSpan? Span = null, string? Path = null)
{
    /// <summary>Renders <c>line:column: message</c>, or <c>path: message</c>.</summary>
    public override string ToString()
    {
        if (Span is { } span)
        {
            return $"{span.Line}:{span.Column}: {Message}";
        }

        return Path is null ? Message : $"{Path}: {Message}";
    }
}
