namespace Dome.Cedar.Schema.Text;

/// <summary>One token: its kind, its text (decoded for strings) and where it is.</summary>
internal readonly record struct SchemaToken(SchemaTokenKind Kind, string Text, SchemaSourceSpan Span)
{
    /// <summary>True for an identifier spelled exactly <paramref name="word"/>.</summary>
    public bool IsWord(string word) => Kind == SchemaTokenKind.Identifier && Text == word;

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        SchemaTokenKind.End => "end of input",
        SchemaTokenKind.String => $"`\"{Text}\"`",
        _ => $"`{Text}`",
    };
}
