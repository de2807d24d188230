using System.Buffers;

namespace Dome.Gateway.Output;

/// <summary>
/// Finds and replaces sensitive substrings in UTF-8 text with <c>[redacted:kind]</c>. Each detector family scans
/// ahead with vectorized searches and remembers its next match, so a text is read about once per family.
/// </summary>
internal static class SensitiveText
{
    private static readonly byte[][] Markers = Enum.GetValues<RedactionKind>()
        .Select(kind => System.Text.Encoding.UTF8.GetBytes($"[redacted:{Detectors.NameOf(kind)}]"))
        .ToArray();

    /// <summary>The bytes any match of <see cref="NumberDetector"/> or <see cref="EmailDetector"/> starts its search from.</summary>
    private static readonly SearchValues<byte> PiiStarts = SearchValues.Create("0123456789+(@"u8);

    public static ReadOnlySpan<byte> Marker(RedactionKind kind) => Markers[(int)kind];

    /// <summary>
    /// Writes <paramref name="text"/> with every match replaced to <paramref name="output"/> and returns true, or returns
    /// false (writing nothing) when there is no match.
    /// </summary>
    public static bool Redact(ReadOnlySpan<byte> text, DetectorSet set, ref RedactionCounts counts, PooledBuffer output)
    {
        // The personal-data families find nothing in a text without any of the bytes their matches start with (the
        // number family searches for these digits, + and (, the email family for @): one search rules them all out.
        if ((set & ~DetectorSet.Pii) == 0 && text.IndexOfAny(PiiStarts) < 0)
        {
            return false;
        }

        var scan = new Scan(set);
        var match = scan.Next(text, 0);
        if (!match.Found)
        {
            return false;
        }

        var copied = 0;
        while (match.Found)
        {
            output.Append(text[copied..match.Start]);
            output.Append(Marker(match.Kind));
            counts.Add(match.Kind);
            copied = match.End;
            match = scan.Next(text, copied);
        }

        output.Append(text[copied..]);
        return true;
    }

    /// <summary>The next match of each family, recomputed only once the scan has passed it.</summary>
    private struct Scan(DetectorSet set)
    {
        private static readonly TextMatch Unknown = new(-1, 0, RedactionKind.Field);

        private TextMatch number = Unknown;
        private TextMatch email = Unknown;
        private TextMatch token = Unknown;
        private TextMatch key = Unknown;
        private TextMatch credential = Unknown;

        public TextMatch Next(ReadOnlySpan<byte> text, int from)
        {
            var best = TextMatch.None;
            if ((set & (DetectorSet.Card | DetectorSet.Ssn | DetectorSet.Phone)) != 0)
            {
                best = Better(best, Refresh(ref number, from, static (t, f, s) => NumberDetector.FindNext(t, f, s), text));
            }

            if ((set & DetectorSet.Email) != 0)
            {
                best = Better(best, Refresh(ref email, from, static (t, f, _) => EmailDetector.FindNext(t, f), text));
            }

            if ((set & (DetectorSet.ApiKey | DetectorSet.BearerToken)) != 0)
            {
                best = Better(best, Refresh(ref token, from, static (t, f, s) => TokenDetector.FindNext(t, f, s), text));
            }

            if ((set & DetectorSet.PrivateKey) != 0)
            {
                best = Better(best, Refresh(ref key, from, static (t, f, _) => PrivateKeyDetector.FindNext(t, f), text));
            }

            if ((set & DetectorSet.Credential) != 0)
            {
                best = Better(best, Refresh(ref credential, from, static (t, f, _) => CredentialDetector.FindNext(t, f), text));
            }

            return best;
        }

        private readonly TextMatch Refresh(ref TextMatch cached, int from, Finder find, ReadOnlySpan<byte> text)
        {
            if (cached.Start < from)
            {
                cached = find(text, from, set);
            }

            return cached;
        }

        private static TextMatch Better(TextMatch best, TextMatch candidate) =>
            candidate.Start < best.Start || (candidate.Start == best.Start && candidate.Length > best.Length) ? candidate : best;
    }

    private delegate TextMatch Finder(ReadOnlySpan<byte> text, int from, DetectorSet set);
}
