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
