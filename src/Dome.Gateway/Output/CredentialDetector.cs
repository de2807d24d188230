using System.Buffers;

namespace Dome.Gateway.Output;

/// <summary>Credentials assigned in text: <c>password=…</c>, <c>api_key: …</c>, <c>"client_secret": "…"</c> — the value is the match.</summary>
internal static class CredentialDetector
{
    private const int MinValue = 6;
    private static readonly SearchValues<byte> Assignments = SearchValues.Create("=:"u8);
    private static readonly SearchValues<byte> ValueEnds = SearchValues.Create(" \t\r\n\"',;&}])<>"u8);

    public static TextMatch FindNext(ReadOnlySpan<byte> text, int from)
    {
        var i = from;
        while (i < text.Length)
        {
            var offset = text[i..].IndexOfAny(Assignments);
            if (offset < 0)
            {
                return TextMatch.None;
            }

            var q = i + offset;
            if (NameBefore(text, from, q) is { Length: > 0 } name && CredentialNames.IsCredential(name))
            {
                var start = q + 1;
                while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'"' or (byte)'\'')
                {
                    start++;
                }

                var length = text[start..].IndexOfAny(ValueEnds);
                length = length < 0 ? text.Length - start : length;
                if (length >= MinValue && !text.Slice(start, length).StartsWith("[redacted"u8))
                {
                    return new TextMatch(start, length, RedactionKind.Credential);
                }
            }

            i = q + 1;
        }

        return TextMatch.None;
    }

    private static ReadOnlySpan<byte> NameBefore(ReadOnlySpan<byte> text, int from, int q)
    {
        var end = q;
        while (end > from && text[end - 1] is (byte)' ' or (byte)'"' or (byte)'\'')
        {
            end--;
        }

        var start = end;
        while (start > from && (Ascii.IsAlphanumeric(text[start - 1]) || text[start - 1] is (byte)'_' or (byte)'-'))
        {
            start--;
        }

        return text[start..end];
    }
}
