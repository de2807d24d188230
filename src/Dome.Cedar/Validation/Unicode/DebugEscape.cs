using System.Globalization;
using System.Text;

namespace Dome.Cedar.Validation.Unicode;

/// <summary>
/// Text as the reference prints it in validator warnings: `\0`, `\t`, `\r`, `\n`, `\\`, `\'` and `\"` escaped, and
/// `\u{hex}` for characters that are not printable (controls, format, separators other than space, private-use,
/// surrogates, unassigned) and for a combining mark at the start.
/// </summary>
internal static class DebugEscape
{
    public static string Text(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool first = true;
        foreach (var rune in text.EnumerateRunes())
        {
            Append(sb, rune, first);
            first = false;
        }

        return sb.ToString();
    }

    /// <summary>Only the characters that are not printable escaped (`\0`, `\t`, `\r`, `\n`, `\u{hex}`); the rest as is.</summary>
    public static string Hidden(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsHidden(rune))
            {
                Append(sb, rune, first: false);
            }
            else
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString();
    }

    public static string Character(Rune rune)
    {
        var sb = new StringBuilder();
        Append(sb, rune, first: true);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Rune rune, bool first)
    {
        switch (rune.Value)
        {
            case 0: sb.Append("\\0"); return;
            case '\t': sb.Append("\\t"); return;
            case '\r': sb.Append("\\r"); return;
            case '\n': sb.Append("\\n"); return;
            case '\\': sb.Append("\\\\"); return;
            case '\'': sb.Append("\\'"); return;
            case '"': sb.Append("\\\""); return;
        }

        bool leadingMark = first && Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
        if (IsHidden(rune) || leadingMark)
        {
            sb.Append("\\u{").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('}');
        }
        else
        {
            sb.Append(rune.ToString());
        }
    }

    private static bool IsHidden(Rune rune) =>
        rune.Value != ' ' && Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator;
}
