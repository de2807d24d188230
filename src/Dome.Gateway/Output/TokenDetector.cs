using System.Buffers;

namespace Dome.Gateway.Output;

/// <summary>
/// API keys by their issuers' prefixes (OpenAI, Anthropic, Stripe, GitHub, GitLab, Slack, AWS, Google, SendGrid,
/// npm, Hugging Face, Dome), bearer tokens after <c>Bearer </c>, and JWTs (<c>eyJ…</c> in three parts).
/// </summary>
internal static class TokenDetector
{
    private static readonly SearchValues<byte> Starts = SearchValues.Create("sSrgGxAdBbenh"u8);

    private static readonly (byte[] Prefix, int MinTail, bool UpperOnly)[] ApiKeys =
    [
        ("sk-ant-"u8.ToArray(), 20, false), ("sk-proj-"u8.ToArray(), 20, false), ("sk-"u8.ToArray(), 20, false),
        ("sk_live_"u8.ToArray(), 16, false), ("sk_test_"u8.ToArray(), 16, false),
        ("rk_live_"u8.ToArray(), 16, false), ("rk_test_"u8.ToArray(), 16, false),
        ("ghp_"u8.ToArray(), 30, false), ("gho_"u8.ToArray(), 30, false), ("ghu_"u8.ToArray(), 30, false),
        ("ghs_"u8.ToArray(), 30, false), ("ghr_"u8.ToArray(), 30, false), ("github_pat_"u8.ToArray(), 30, false),
        ("glpat-"u8.ToArray(), 20, false), ("xoxb-"u8.ToArray(), 20, false), ("xoxp-"u8.ToArray(), 20, false),
        ("xoxa-"u8.ToArray(), 20, false), ("xoxr-"u8.ToArray(), 20, false), ("xapp-"u8.ToArray(), 20, false),
        ("AKIA"u8.ToArray(), 16, true), ("ASIA"u8.ToArray(), 16, true), ("AIza"u8.ToArray(), 35, false),
        ("SG."u8.ToArray(), 40, false), ("npm_"u8.ToArray(), 30, false), ("hf_"u8.ToArray(), 30, false),
        ("dome_ak_"u8.ToArray(), 16, false),
    ];

    public static TextMatch FindNext(ReadOnlySpan<byte> text, int from, DetectorSet set)
    {
        var i = from;
        while (i < text.Length)
        {
            var offset = text[i..].IndexOfAny(Starts);
            if (offset < 0)
            {
                return TextMatch.None;
            }

            var p = i + offset;
            if (Ascii.IsWordStart(text, p))
            {
                var match = MatchAt(text, p, set);
                if (match.Found)
                {
                    return match;
                }
            }

            i = p + 1;
        }

        return TextMatch.None;
    }

    private static TextMatch MatchAt(ReadOnlySpan<byte> text, int p, DetectorSet set)
    {
        var rest = text[p..];
        if ((set & DetectorSet.BearerToken) != 0)
        {
            if (rest.Length > 7 && Ascii.EqualsIgnoreCase(rest[..6], "bearer"u8) && rest[6] == ' ')
            {
                var start = 7;
                while (start < rest.Length && rest[start] == ' ')
                {
                    start++;
                }

                var length = TokenLength(rest[start..]);
                if (length >= 16)
                {
                    return new TextMatch(p + start, length, RedactionKind.BearerToken);
                }
            }

            if (rest.StartsWith("eyJ"u8) && JwtLength(rest) is > 0 and var jwt)
            {
                return new TextMatch(p, jwt, RedactionKind.BearerToken);
            }
        }

        if ((set & DetectorSet.ApiKey) != 0)
        {
            foreach (var (prefix, minTail, upperOnly) in ApiKeys)
            {
                if (!rest.StartsWith(prefix))
                {
                    continue;
                }

                var tail = upperOnly ? UpperLength(rest[prefix.Length..]) : KeyLength(rest[prefix.Length..]);
                if (tail >= minTail && (!upperOnly || tail == minTail))
                {
                    return new TextMatch(p, prefix.Length + tail, RedactionKind.ApiKey);
                }
            }
        }

        return TextMatch.None;
    }

    private static int JwtLength(ReadOnlySpan<byte> text)
    {
        var header = Base64UrlLength(text);
        if (header < 10 || header + 1 >= text.Length || text[header] != '.' || !text[(header + 1)..].StartsWith("eyJ"u8))
        {
            return 0;
        }

        var payload = Base64UrlLength(text[(header + 1)..]);
        var signatureStart = header + 1 + payload + 1;
        if (payload < 10 || signatureStart > text.Length || text[signatureStart - 1] != '.')
        {
            return 0;
        }

        return signatureStart + Base64UrlLength(text[signatureStart..]);
    }

    private static int Base64UrlLength(ReadOnlySpan<byte> text)
    {
        var i = 0;
        while (i < text.Length && (Ascii.IsAlphanumeric(text[i]) || text[i] is (byte)'-' or (byte)'_'))
        {
            i++;
        }

        return i;
    }

    private static int KeyLength(ReadOnlySpan<byte> text)
    {
        var i = 0;
        while (i < text.Length && (Ascii.IsAlphanumeric(text[i]) || text[i] is (byte)'-' or (byte)'_' or (byte)'.'))
        {
            i++;
        }

        while (i > 0 && text[i - 1] == '.')
        {
            i--;
        }

        return i;
    }

    private static int UpperLength(ReadOnlySpan<byte> text)
    {
        var i = 0;
        while (i < text.Length && (Ascii.IsDigit(text[i]) || text[i] is >= (byte)'A' and <= (byte)'Z'))
        {
            i++;
        }

        return i == text.Length || !Ascii.IsAlphanumeric(text[i]) ? i : 0;
    }

    /// <summary>RFC 6750 token68 characters, with trailing <c>=</c>.</summary>
    private static int TokenLength(ReadOnlySpan<byte> text)
    {
        var i = 0;
        while (i < text.Length && (Ascii.IsAlphanumeric(text[i]) || text[i] is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~' or (byte)'+' or (byte)'/'))
        {
            i++;
        }

        while (i < text.Length && text[i] == '=')
        {
            i++;
        }

        return i;
    }
}
