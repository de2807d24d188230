namespace Dome.Cedar.Syntax;

/// <summary>Splits Cedar policy text into tokens, tracking line and column. Comments (`// ...`) and whitespace are skipped.</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int pos = 0, line = 1, lineStart = 0;
        while (true)
        {
            // :: Skip whitespace and comments.
            while (pos < text.Length)
            {
                char c = text[pos];
                if (c == '\n')
                {
                    pos++;
                    line++;
                    lineStart = pos;
                }
                else if (char.IsWhiteSpace(c))
                {
                    pos++;
                }
                else if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '/')
                {
                    while (pos < text.Length && text[pos] != '\n')
                    {
                        pos++;
                    }
                }
                else
                {
                    break;
                }
            }

            int start = pos;
            int column = pos - lineStart + 1;
            if (pos >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, new SourceSpan(pos, 0, line, column)));
                return tokens;
            }

            char ch = text[pos];
            TokenKind kind;
            if (IsIdentStart(ch))
            {
                pos++;
                while (pos < text.Length && IsIdentPart(text[pos]))
                {
                    pos++;
                }

                kind = TokenKind.Identifier;
            }
            else if (ch >= '0' && ch <= '9')
            {
                pos++;
                while (pos < text.Length && text[pos] >= '0' && text[pos] <= '9')
                {
                    pos++;
                }

                kind = TokenKind.Integer;
            }
            else if (ch == '"')
            {
                pos++;
                while (true)
                {
                    if (pos >= text.Length)
                    {
                        throw new CedarParseException("unterminated string literal", new SourceSpan(start, pos - start, line, column));
                    }

                    char s = text[pos];
                    if (s == '\\' && pos + 1 < text.Length)
                    {
                        if (text[pos + 1] == '\n')
                        {
                            line++;
                            lineStart = pos + 2;
                        }

                        pos += 2;
                        continue;
                    }

                    if (s == '\n')
                    {
                        line++;
                        lineStart = pos + 1;
                    }

                    pos++;
                    if (s == '"')
                    {
                        break;
                    }
                }

                var span = new SourceSpan(start, pos - start, line, column);
                tokens.Add(new Token(TokenKind.String, text.Substring(start + 1, pos - start - 2), span));
                continue;
            }
            else if (ch == '?' && pos + 1 < text.Length && IsIdentStart(text[pos + 1]))
            {
                pos++;
                while (pos < text.Length && IsIdentPart(text[pos]))
                {
                    pos++;
                }

                kind = TokenKind.Slot;
            }
            else
            {
                kind = Punctuation(text, ref pos, line, column);
            }

            tokens.Add(new Token(kind, text.Substring(start, pos - start), new SourceSpan(start, pos - start, line, column)));
        }
    }

    private static TokenKind Punctuation(string text, ref int pos, int line, int column)
    {
        char c = text[pos];
        char next = pos + 1 < text.Length ? text[pos + 1] : '\0';
        pos++;
        switch (c)
        {
            case '@': return TokenKind.At;
            case '(': return TokenKind.LParen;
            case ')': return TokenKind.RParen;
            case '{': return TokenKind.LBrace;
            case '}': return TokenKind.RBrace;
            case '[': return TokenKind.LBracket;
            case ']': return TokenKind.RBracket;
            case ',': return TokenKind.Comma;
            case ';': return TokenKind.Semicolon;
            case '.': return TokenKind.Dot;
            case '+': return TokenKind.Plus;
            case '-': return TokenKind.Minus;
            case '*': return TokenKind.Star;
            case '?': return TokenKind.Question;
            case ':':
                if (next == ':')
                {
                    pos++;
                    return TokenKind.DoubleColon;
                }

                return TokenKind.Colon;
            case '!':
                if (next == '=')
                {
                    pos++;
                    return TokenKind.NotEqual;
                }

                return TokenKind.Bang;
            case '<':
                if (next == '=')
                {
                    pos++;
                    return TokenKind.LessEqual;
                }

                return TokenKind.Less;
            case '>':
                if (next == '=')
                {
                    pos++;
                    return TokenKind.GreaterEqual;
                }

                return TokenKind.Greater;
            case '=':
                if (next == '=')
                {
                    pos++;
                    return TokenKind.EqualEqual;
                }

                break;
            case '&':
                if (next == '&')
                {
                    pos++;
                    return TokenKind.AndAnd;
                }

                break;
            case '|':
                if (next == '|')
                {
                    pos++;
                    return TokenKind.OrOr;
                }

                break;
        }

        string shown = char.IsSurrogate(c) && pos < text.Length ? text.Substring(pos - 1, 2) : c.ToString();
        throw new CedarParseException($"unexpected character `{shown}`", new SourceSpan(pos - 1, 1, line, column));
    }

    private static bool IsIdentStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    private static bool IsIdentPart(char c) => IsIdentStart(c) || (c >= '0' && c <= '9');
}
