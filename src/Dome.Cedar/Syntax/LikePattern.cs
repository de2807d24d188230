namespace Dome.Cedar.Syntax;

/// <summary>A compiled `like` pattern: literal characters and `*` wildcards (a literal star is written `\*`).</summary>
internal sealed class LikePattern
{
    private readonly char[] chars;
    private readonly bool[] wildcard;

    public LikePattern(char[] chars, bool[] wildcard)
    {
        this.chars = chars;
        this.wildcard = wildcard;
    }

    /// <summary>Whether the whole of <paramref name="text"/> matches, `*` matching any run of characters.</summary>
    public bool Matches(string text)
    {
        int p = 0, t = 0, starP = -1, starT = 0, n = chars.Length;
        while (t < text.Length)
        {
            if (p < n && !wildcard[p] && chars[p] == text[t])
            {
                p++;
                t++;
            }
            else if (p < n && wildcard[p])
            {
                starP = p;
                starT = t;
                p++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                starT++;
                t = starT;
            }
            else
            {
                return false;
            }
        }

        while (p < n && wildcard[p])
        {
            p++;
        }

        return p == n;
    }

    /// <summary>The pattern with wildcards as `*`, literal stars as `\*` and every other character as <paramref name="character"/> renders it.</summary>
    public string Render(Func<System.Text.Rune, string> character)
    {
        var sb = new System.Text.StringBuilder(chars.Length);
        for (int i = 0; i < chars.Length; i++)
        {
            if (wildcard[i] || chars[i] == '*')
            {
                sb.Append(wildcard[i] ? "*" : "\\*");
            }
            else if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && !wildcard[i + 1] && char.IsLowSurrogate(chars[i + 1]))
            {
                sb.Append(character(new System.Text.Rune(chars[i], chars[i + 1])));
                i++;
            }
            else
            {
                sb.Append(character(System.Text.Rune.IsValid(chars[i]) ? new System.Text.Rune(chars[i]) : System.Text.Rune.ReplacementChar));
            }
        }

        return sb.ToString();
    }

    /// <summary>The pattern as Cedar source text between the quotes (escaped).</summary>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < chars.Length; i++)
        {
            if (wildcard[i])
            {
                sb.Append('*');
            }
            else if (chars[i] == '*')
            {
                sb.Append("\\*");
            }
            else
            {
                StringEscapes.AppendEscaped(sb, chars[i]);
            }
        }

        return sb.ToString();
    }
}
