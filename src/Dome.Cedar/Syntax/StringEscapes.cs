using System.Globalization;
using System.Text;

namespace Dome.Cedar.Syntax;

/// <summary>
/// Cedar's string escapes: `\n \r \t \\ \0 \' \"`, `\xHH` (at most 0x7F), and `\u{H..HHHHHH}` (a Unicode scalar value).
/// Patterns also allow `\*`.
/// </summary>
internal static class StringEscapes
{
    public static string Unescape(string raw, SourceSpan span)
    {
        if (raw.IndexOf('\\') < 0)
        {
            return raw;
        }

        var sb = new StringBuilder(raw.Length);
        Decode(raw, span, sb, null);
        return sb.ToString();
    }

    public static LikePattern ParsePattern(string raw, SourceSpan span)
    {
        var sb = new StringBuilder(raw.Length);
        var stars = new List<bool>(raw.Length);
        Decode(raw, span, sb, stars);
        return new LikePattern(sb.ToString().ToCharArray(), stars.ToArray());
    }

    public static void AppendEscaped(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '\n': sb.Append("\\n"); break;
            case '\r': sb.Append("\\r"); break;
            case '\t': sb.Append("\\t"); break;
            case '\0': sb.Append("\\0"); break;
            case '\\': sb.Append("\\\\"); break;
            case '"': sb.Append("\\\""); break;
            default:
                if (c < 0x20 || c == 0x7F)
                {
                    sb.Append("\\u{").Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append('}');
                }
                else
                {
                    sb.Append(c);
                }

                break;
        }
    }

    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            AppendEscaped(sb, c);
        }

        return sb.Append('"').ToString();
    }

    private static void Decode(string raw, SourceSpan span, StringBuilder sb, List<bool>? stars)
    {
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c != '\\')
            {
                sb.Append(c);
                stars?.Add(c == '*');
                continue;
            }

            if (i + 1 >= raw.Length)
            {
                throw Invalid(raw, span, "\\");
            }

            char e = raw[++i];
            int before = sb.Length;
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case '0': sb.Append('\0'); break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case '*' when stars is not null: sb.Append('*'); break;
                case 'x':
                    {
                        if (i + 2 >= raw.Length || !IsHex(raw[i + 1]) || !IsHex(raw[i + 2]))
                        {
                            throw Invalid(raw, span, raw.Substring(i - 1, Math.Min(4, raw.Length - i + 1)));
                        }

                        int v = int.Parse(raw.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        if (v > 0x7F)
                        {
                            throw Invalid(raw, span, raw.Substring(i - 1, 4));
                        }

                        sb.Append((char)v);
                        i += 2;
                        break;
                    }

                case 'u':
                    {
                        int close = raw.IndexOf('}', i);
                        if (i + 1 >= raw.Length || raw[i + 1] != '{' || close < 0 || close - i - 2 < 1 || close - i - 2 > 6)
                        {
                            throw Invalid(raw, span, "\\u");
                        }

                        var hex = raw.AsSpan(i + 2, close - i - 2);
                        foreach (char h in hex)
                        {
                            if (!IsHex(h))
                            {
                                throw Invalid(raw, span, raw.Substring(i - 1, close - i + 2));
                            }
                        }

                        int cp = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                        {
                            throw Invalid(raw, span, raw.Substring(i - 1, close - i + 2));
                        }

                        sb.Append(char.ConvertFromUtf32(cp));
                        i = close;
                        break;
                    }

                default:
                    throw Invalid(raw, span, "\\" + e);
            }

            if (stars is not null)
            {
                // :: Only `\*` is a literal star; a star produced by `\u{2a}` or `\x2a` is a wildcard, as in the reference.
                for (int k = before; k < sb.Length; k++)
                {
                    stars.Add(e != '*' && sb[k] == '*');
                }
            }
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static CedarParseException Invalid(string raw, SourceSpan span, string escape)
    {
        _ = raw;
        return new CedarParseException($"invalid escape `{escape}` in string literal", span);
    }
}
