namespace Dome.Gateway.Output;

/// <summary>PEM private keys: from <c>-----BEGIN … PRIVATE KEY-----</c> to its <c>-----END … PRIVATE KEY-----</c> (or the end of the text).</summary>
internal static class PrivateKeyDetector
{
    public static TextMatch FindNext(ReadOnlySpan<byte> text, int from)
    {
        var i = from;
        while (i < text.Length)
        {
            var offset = text[i..].IndexOf("-----BEGIN "u8);
            if (offset < 0)
            {
                return TextMatch.None;
            }

            var start = i + offset;
            var headerEnd = text[(start + 11)..].IndexOf("-----"u8);
            if (headerEnd >= 0 && headerEnd <= 40 && text.Slice(start + 11, headerEnd).EndsWith("PRIVATE KEY"u8))
            {
                var bodyStart = start + 11 + headerEnd + 5;
                var endMarker = text[bodyStart..].IndexOf("-----END "u8);
                if (endMarker < 0)
                {
                    return new TextMatch(start, text.Length - start, RedactionKind.PrivateKey);
                }

                var footer = bodyStart + endMarker + 9;
                var close = text[footer..].IndexOf("-----"u8);
                var end = close < 0 ? text.Length : footer + close + 5;
                return new TextMatch(start, end - start, RedactionKind.PrivateKey);
            }

            i = start + 1;
        }

        return TextMatch.None;
    }
}
