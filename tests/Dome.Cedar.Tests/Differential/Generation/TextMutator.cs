namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>
/// Damages policy text a little (drop, repeat or insert a character or token), for parser
/// differential testing: the result may or may not still be valid Cedar; both engines must agree.
/// </summary>
internal static class TextMutator
{
    private static readonly string[] Insertions =
    [
        "(", ")", "{", "}", "[", "]", ",", ";", "\"", "\\", ".", ":", "::", "==", "=", "!", "&&", "||", "+", "-",
        "*", "<", ">", "@", "?", " in ", " is ", " has ", " like ", " if ", "-9223372036854775808",
        "9223372036854775808", "\\u{110000}", "\\x41", " permit ", "//", "/*", "\n", "0x1", "??",
    ];

    public static string Mutate(Random random, string text)
    {
        if (text.Length == 0)
        {
            return Insertions[random.Next(Insertions.Length)];
        }

        var at = random.Next(text.Length);
        return random.Next(3) switch
        {
            0 => text.Remove(at, 1),
            1 => text.Insert(at, text[at].ToString()),
            _ => text.Insert(at, Insertions[random.Next(Insertions.Length)]),
        };
    }
}
