namespace Dome.Cedar.Syntax;

/// <summary>One lexical token. <see cref="Text"/> is the raw source text (for strings: between the quotes, still escaped).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span)
{
    public bool IsIdentifier(string name) => Kind == TokenKind.Identifier && Text == name;
}
