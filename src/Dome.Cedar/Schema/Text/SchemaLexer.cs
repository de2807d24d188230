using System.Globalization;
using System.Text;

namespace Dome.Cedar.Schema.Text;

/// <summary>Splits human-readable schema text into tokens, tracking line and column; comments are <c>// ...</c>.</summary>
internal sealed class SchemaLexer
{
    private readonly string _text;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public SchemaLexer(string text) => _text = text;

    /// <summary>Tokenizes the whole input; throws <see cref="CedarSchemaException"/> on a malformed token.</summary>
    public List<SchemaToken> Tokenize()
    {
        var tokens = new List<SchemaToken>();
        while (true)
        {
            SkipTrivia();
            if (_pos >= _text.Length)
            {
                tokens.Add(new SchemaToken(SchemaTokenKind.End, string.Empty, Here(0)));
                return tokens;
            }

            tokens.Add(Next());
        }
    }

    private SchemaSourceSpan Here(int length) => new(_pos, length, _line, _pos - _lineStart + 1);

    private SchemaSourceSpan From(int start, int line, int column) => new(start, _pos - start, line, column);

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private SchemaToken Next()
    {
        int start = _pos;
        int line = _line;
        int column = _pos - _lineStart + 1;
        char c = _text[_pos];
        if (IsIdentStart(c))
        {
            while (_pos < _text.Length && IsIdentPart(_text[_pos]))
            {
                _pos++;
            }

            return new SchemaToken(SchemaTokenKind.Identifier, _text[start.._pos], From(start, line, column));
        }

        if (c == '"')
        {
            string value = ReadString(line, column);
            return new SchemaToken(SchemaTokenKind.String, value, From(start, line, column));
        }

        if (c == ':' && _pos + 1 < _text.Length && _text[_pos + 1] == ':')
        {
            _pos += 2;
            return new SchemaToken(SchemaTokenKind.DoubleColon, "::", From(start, line, column));
        }

        SchemaTokenKind? kind = c switch
        {
            '@' => SchemaTokenKind.At,
            ':' => SchemaTokenKind.Colon,
            ',' => SchemaTokenKind.Comma,
            ';' => SchemaTokenKind.Semicolon,
            '{' => SchemaTokenKind.LeftBrace,
            '}' => SchemaTokenKind.RightBrace,
            '[' => SchemaTokenKind.LeftBracket,
            ']' => SchemaTokenKind.RightBracket,
            '<' => SchemaTokenKind.LeftAngle,
            '>' => SchemaTokenKind.RightAngle,
            '=' => SchemaTokenKind.Equals,
            '?' => SchemaTokenKind.Question,
            '(' => SchemaTokenKind.LeftParen,
            ')' => SchemaTokenKind.RightParen,
            _ => null,
        };
        if (kind is null)
        {
            string shown = char.IsSurrogate(c) && _pos + 1 < _text.Length ? _text.Substring(_pos, 2) : c.ToString();
            throw Error($"unexpected character `{shown}`", new SchemaSourceSpan(start, 1, line, column));
        }

        _pos++;
        return new SchemaToken(kind.Value, c.ToString(), From(start, line, column));
    }

    private string ReadString(int line, int column)
    {
        int start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("unterminated string literal", new SchemaSourceSpan(start, _pos - start, line, column));
            }

            char c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return sb.ToString();
            }

            if (c == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }

            if (c != '\\')
            {
                sb.Append(c);
                _pos++;
                continue;
            }

            ReadEscape(sb);
        }
    }

    private void ReadEscape(StringBuilder sb)
    {
        int escStart = _pos;
        int column = _pos - _lineStart + 1;
        _pos++;
        if (_pos >= _text.Length)
        {
            throw Error("unterminated string literal", new SchemaSourceSpan(escStart, 1, _line, column));
        }

        char e = _text[_pos++];
        switch (e)
        {
            case 'n': sb.Append('\n'); return;
            case 'r': sb.Append('\r'); return;
            case 't': sb.Append('\t'); return;
            case '0': sb.Append('\0'); return;
            case '\\': sb.Append('\\'); return;
            case '\'': sb.Append('\''); return;
            case '"': sb.Append('"'); return;
            case 'u':
                break;
            default:
                throw Error($"invalid escape `\\{e}`", new SchemaSourceSpan(escStart, 2, _line, column));
        }

        int close = _pos < _text.Length && _text[_pos] == '{' ? _text.IndexOf('}', _pos) : -1;
        string digits = close > _pos ? _text[(_pos + 1)..close] : string.Empty;
        if (close < 0 || digits.Length is 0 or > 6
            || !int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)
            || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            string shown = close > _pos ? _text[escStart..(close + 1)] : "\\u";
            throw Error($"invalid unicode escape `{shown}`", new SchemaSourceSpan(escStart, shown.Length, _line, column));
        }

        sb.Append(char.ConvertFromUtf32(code));
        _pos = close + 1;
    }

    private static bool IsIdentStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentPart(char c) => IsIdentStart(c) || c is >= '0' and <= '9';

    private static CedarSchemaException Error(string message, SchemaSourceSpan span) =>
        new(new SchemaDiagnostic(message, span));
}
