namespace Dome.Cedar.Schema.Text;

/// <summary>Token kinds of the human-readable schema format.</summary>
internal enum SchemaTokenKind
{
    End,
    Identifier,
    String,
    At,
    DoubleColon,
    Colon,
    Comma,
    Semicolon,
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    LeftAngle,
    RightAngle,
    Equals,
    Question,
    LeftParen,
    RightParen,
}
