namespace Dome.Gateway.Output;

/// <summary>Byte classes the detectors share. Non-ASCII bytes of UTF-8 text are never part of a match.</summary>
internal static class Ascii
{
    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsAlphanumeric(byte b) => IsDigit(b) || IsLetter(b);

    /// <summary>True when a match may start at <paramref name="index"/>: the byte before is not part of a word.</summary>
    public static bool IsWordStart(ReadOnlySpan<byte> text, int index) =>
        index == 0 || !(IsAlphanumeric(text[index - 1]) || text[index - 1] is (byte)'_');

    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowercase)
    {
        if (text.Length != lowercase.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if ((IsLetter(b) ? (byte)(b | 0x20) : b) != lowercase[i])
            {
                return false;
            }
        }

        return true;
    }
}
