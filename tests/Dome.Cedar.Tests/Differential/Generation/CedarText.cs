using System.Globalization;
using System.Text;

namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>Writes Cedar literals: quoted strings with escapes, entity references, longs.</summary>
internal static class CedarText
{
    public static string Quote(string value) => Quote(value, escapeNonAscii: false);

    /// <summary>A quoted string; with <paramref name="escapeNonAscii"/>, characters beyond ASCII as `\u{hex}`.</summary>
    public static string Quote(string value, bool escapeNonAscii)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7f || (escapeNonAscii && rune.Value > 0x7f))
                    {
                        builder.Append("\\u{").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('}');
                    }
                    else
                    {
                        builder.Append(rune.ToString());
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    public static string Entity(EntityRef entity) => entity.Type + "::" + Quote(entity.Id);

    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);
}
