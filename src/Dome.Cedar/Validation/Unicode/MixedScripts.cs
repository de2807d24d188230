using System.Text;

namespace Dome.Cedar.Validation.Unicode;

/// <summary>
/// Single-script detection as UTS #39 defines it (section 5.1): each character's augmented script set is its
/// Script_Extensions, with Han also counting as Han-with-Bopomofo, Japanese and Korean, Hiragana/Katakana as Japanese,
/// Hangul as Korean and Bopomofo as Han-with-Bopomofo; Common and Inherited characters belong to every script and
/// unassigned or private-use characters (script Unknown) to none. Text is single-script when the intersection of its
/// characters' sets is not empty.
/// </summary>
internal static class MixedScripts
{
    private static readonly string[][] Scripts = [.. ScriptExtensionsTable.Sets.Select(s => s.Split(' '))];

    /// <summary>True when <paramref name="text"/> is single-script (the empty and all-common text included).</summary>
    public static bool IsSingleScript(string text)
    {
        HashSet<string>? common = null;
        bool hanb = true, jpan = true, kore = true;
        foreach (var rune in text.EnumerateRunes())
        {
            var scripts = ScriptsOf(rune);
            if (scripts is ["Zyyy"] or ["Zinh"])
            {
                continue;
            }

            bool han = scripts.Contains("Hani");
            hanb &= han || scripts.Contains("Bopo");
            jpan &= han || scripts.Contains("Hira") || scripts.Contains("Kana");
            kore &= han || scripts.Contains("Hang");
            if (common is null)
            {
                common = new HashSet<string>(scripts.Where(s => s != "Zzzz"), StringComparer.Ordinal);
            }
            else
            {
                common.IntersectWith(scripts);
            }
        }

        return common is null || common.Count > 0 || hanb || jpan || kore;
    }

    private static string[] ScriptsOf(Rune rune)
    {
        var starts = ScriptExtensionsTable.Starts;
        int lo = 0, hi = starts.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (starts[mid] <= rune.Value)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return Scripts[ScriptExtensionsTable.SetIndex[lo]];
    }
}
