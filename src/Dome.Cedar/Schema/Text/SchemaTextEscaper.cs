using System.Globalization;
using System.Text;

namespace Dome.Cedar.Schema.Text;

/// <summary>Quotes strings and names for the text format using Cedar's escapes.</summary>
internal static class SchemaTextEscaper
{
    /// <summary>A Cedar string literal for <paramref name="value"/>.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case 0: sb.Append("\\0"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7F)
                    {
                        sb.Append("\\u{").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('}');
                    }
                    else
                    {
                        sb.Append(rune.ToString());
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>The name as a bare identifier when it is one and not reserved (`if`, `true`, ...), otherwise quoted.</summary>
    public static string Name(string name) => IsIdentifier(name) && !ReservedWords.Contains(name) ? name : Quote(name);

    /// <summary>Words that cannot name anything in Cedar.</summary>
    public static readonly IReadOnlySet<string> ReservedWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "true", "false", "if", "then", "else", "in", "is", "like", "has",
    };

    /// <summary>True when <paramref name="text"/> is a non-reserved identifier, or such identifiers joined by <c>::</c>.</summary>
    public static bool IsPath(string text) =>
        text.Split("::").All(part => IsIdentifier(part) && !ReservedWords.Contains(part));

    /// <summary>True when <paramref name="text"/> is a Cedar identifier.</summary>
    public static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
