namespace Dome.Cedar.Schema;

/// <summary>A region of schema source text: a character offset and length, with the 1-based line and column of its start.</summary>
public readonly record struct SchemaSourceSpan(int Offset, int Length, int Line, int Column)
{
    /// <summary>Renders the start as <c>line:column</c>.</summary>
    public override string ToString() => $"{Line}:{Column}";
}
