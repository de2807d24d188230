namespace Dome.Gateway.Output;

/// <summary>Email addresses: a local part, <c>@</c>, and a domain of at least two labels ending in a 2+ letter top-level label.</summary>
internal static class EmailDetector
{
    public static TextMatch FindNext(ReadOnlySpan<byte> text, int from)
    {
        var i = from;
        while (i < text.Length)
        {
            var offset = text[i..].IndexOf((byte)'@');
            if (offset < 0)
            {
                return TextMatch.None;
            }

            var at = i + offset;
            var start = at;
            while (start > from && IsLocal(text[start - 1]))
            {
                start--;
            }

            while (start < at && text[start] == '.')
            {
                start++;
            }

            var end = DomainEnd(text, at + 1);
            if (start < at && end > 0)
            {
                return new TextMatch(start, end - start, RedactionKind.Email);
            }

            i = at + 1;
        }

        return TextMatch.None;
    }

    /// <summary>The end of a valid domain starting at <paramref name="start"/>, or -1.</summary>
    private static int DomainEnd(ReadOnlySpan<byte> text, int start)
    {
        var i = start;
        var labels = 0;
        var lastLabelStart = start;
        var end = -1;
        while (i < text.Length)
        {
            var labelStart = i;
            while (i < text.Length && (Ascii.IsAlphanumeric(text[i]) || text[i] == '-'))
            {
                i++;
            }

            if (i == labelStart)
            {
                break;
            }

            labels++;
            lastLabelStart = labelStart;
            if (labels >= 2 && IsTopLevel(text[lastLabelStart..i]))
            {
                end = i;
            }

            if (i + 1 < text.Length && text[i] == '.' && Ascii.IsAlphanumeric(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    private static bool IsTopLevel(ReadOnlySpan<byte> label)
    {
        if (label.Length < 2)
        {
            return false;
        }

        foreach (var b in label)
        {
            if (!Ascii.IsLetter(b))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLocal(byte b) => Ascii.IsAlphanumeric(b) || b is (byte)'.' or (byte)'_' or (byte)'%' or (byte)'+' or (byte)'-';
}
