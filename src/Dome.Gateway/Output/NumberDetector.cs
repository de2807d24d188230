using System.Buffers;

namespace Dome.Gateway.Output;

/// <summary>
/// Card numbers, US social security numbers and phone numbers: runs of digit groups separated by single spaces,
/// dashes or dots. A card is 13–19 digits of a known issuer range passing the Luhn check; an SSN is
/// <c>ddd-dd-dddd</c> with a valid area, group and serial; a phone is <c>+</c> and 8–15 digits, or a North American
/// number written with separators (<c>(415) 555-2671</c>, <c>415-555-2671</c>). Bare digit runs such as ids,
/// timestamps, dates and versions are left alone.
/// </summary>
internal static class NumberDetector
{
    private const int MaxGroups = 12;
    private static readonly SearchValues<byte> Starts = SearchValues.Create("0123456789+("u8);

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
            if (!Ascii.IsWordStart(text, p))
            {
                i = SkipRun(text, p);
                continue;
            }

            var run = Run.Parse(text, p);
            if (run.Count > 0)
            {
                var match = Classify(text, in run, set);
                if (match.Found)
                {
                    return match;
                }
            }

            i = Math.Max(p + 1, run.End);
        }

        return TextMatch.None;
    }

    private static int SkipRun(ReadOnlySpan<byte> text, int p)
    {
        var j = p + 1;
        while (j < text.Length && Ascii.IsAlphanumeric(text[j]))
        {
            j++;
        }

        return j;
    }

    private static TextMatch Classify(ReadOnlySpan<byte> text, in Run run, DetectorSet set)
    {
        for (var first = 0; first < run.Count; first++)
        {
            for (var last = run.Count - 1; last >= first; last--)
            {
                var end = run.GroupEnd(last);
                if (end < text.Length && (Ascii.IsAlphanumeric(text[end]) || (last == run.Count - 1 && text[end] is (byte)'_')))
                {
                    continue;
                }

                var start = first == 0 ? run.Start : run.GroupStart(first);
                var kind = KindOf(text, in run, first, last, set);
                if (kind is { } found)
                {
                    return new TextMatch(start, end - start, found);
                }
            }
        }

        return TextMatch.None;
    }

    private static RedactionKind? KindOf(ReadOnlySpan<byte> text, in Run run, int first, int last, DetectorSet set)
    {
        var plus = first == 0 && run.Plus;
        var paren = first == 0 && run.Paren;
        if ((set & DetectorSet.Ssn) != 0 && !plus && !paren && IsSsn(text, in run, first, last))
        {
            return RedactionKind.Ssn;
        }

        if ((set & DetectorSet.Card) != 0 && !plus && !paren && IsCard(text, in run, first, last))
        {
            return RedactionKind.Card;
        }

        if ((set & DetectorSet.Phone) != 0 && IsPhone(text, in run, first, last, plus))
        {
            return RedactionKind.Phone;
        }

        return null;
    }

    private static bool IsSsn(ReadOnlySpan<byte> text, in Run run, int first, int last)
    {
        if (last - first != 2 || run.Length(first) != 3 || run.Length(first + 1) != 2 || run.Length(last) != 4
            || run.SeparatorAfter(text, first) != '-' || run.SeparatorAfter(text, first + 1) != '-')
        {
            return false;
        }

        var area = Value(text.Slice(run.GroupStart(first), 3));
        var group = Value(text.Slice(run.GroupStart(first + 1), 2));
        var serial = Value(text.Slice(run.GroupStart(last), 4));
        return area is > 0 and < 900 and not 666 && group > 0 && serial > 0;
    }

    private static bool IsCard(ReadOnlySpan<byte> text, in Run run, int first, int last)
    {
        var separator = first < last ? run.SeparatorAfter(text, first) : (byte)0;
        if (separator is not (0 or (byte)' ' or (byte)'-'))
        {
            return false;
        }

        Span<byte> digits = stackalloc byte[19];
        var count = 0;
        for (var g = first; g <= last; g++)
        {
            if (g < last && run.SeparatorAfter(text, g) != separator)
            {
                return false;
            }

            var group = text.Slice(run.GroupStart(g), run.Length(g));
            if (count + group.Length > digits.Length)
            {
                return false;
            }

            group.CopyTo(digits[count..]);
            count += group.Length;
        }

        return count >= 13 && CardNumbers.IsKnownIssuer(digits[..count]) && CardNumbers.PassesLuhn(digits[..count]);
    }

    private static bool IsPhone(ReadOnlySpan<byte> text, in Run run, int first, int last, bool plus)
    {
        var digits = 0;
        for (var g = first; g <= last; g++)
        {
            digits += run.Length(g);
        }

        if (plus)
        {
            return digits is >= 8 and <= 15;
        }

        // North American numbers, written with separators: [1 ]ddd ddd dddd.
        var groups = last - first + 1;
        var area = first;
        if (groups == 4 && run.Length(first) == 1 && text[run.GroupStart(first)] == '1')
        {
            area++;
        }
        else if (groups != 3)
        {
            return false;
        }

        return run.Length(area) == 3 && run.Length(area + 1) == 3 && run.Length(area + 2) == 4
            && text[run.GroupStart(area)] is >= (byte)'2' and <= (byte)'9';
    }

    private static int Value(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var d in digits)
        {
            value = (value * 10) + (d - '0');
        }

        return value;
    }

    /// <summary>The digit groups of one run, in place.</summary>
    private struct Run
    {
        private Bounds bounds;

        public int Start { get; private set; }

        public int End { get; private set; }

        public int Count { get; private set; }

        public bool Plus { get; private set; }

        public bool Paren { get; private set; }

        public readonly int GroupStart(int g) => bounds[g * 2];

        public readonly int GroupEnd(int g) => bounds[(g * 2) + 1];

        public readonly int Length(int g) => GroupEnd(g) - GroupStart(g);

        public readonly byte SeparatorAfter(ReadOnlySpan<byte> text, int g)
        {
            var end = GroupEnd(g);
            var b = text[end];
            return b == ')' ? (byte)' ' : b;
        }

        public static Run Parse(ReadOnlySpan<byte> text, int p)
        {
            var run = new Run { Start = p, End = p };
            var i = p;
            if (text[i] == '+')
            {
                run.Plus = true;
                i++;
            }
            else if (text[i] == '(')
            {
                run.Paren = true;
                i++;
            }

            while (i < text.Length && Ascii.IsDigit(text[i]) && run.Count < MaxGroups)
            {
                var start = i;
                while (i < text.Length && Ascii.IsDigit(text[i]))
                {
                    i++;
                }

                run.bounds[run.Count * 2] = start;
                run.bounds[(run.Count * 2) + 1] = i;
                run.Count++;
                run.End = i;
                if (run.Paren && run.Count == 1)
                {
                    if (i - start != 3 || i >= text.Length || text[i] != ')')
                    {
                        run.Count = 0;
                        return run;
                    }

                    i += i + 1 < text.Length && text[i + 1] == ' ' ? 2 : 1;
                    continue;
                }

                if (i + 1 < text.Length && text[i] is (byte)' ' or (byte)'-' or (byte)'.' && Ascii.IsDigit(text[i + 1]))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            if (run.Paren && run.Count < 2)
            {
                run.Count = 0;
            }

            return run;
        }

        [System.Runtime.CompilerServices.InlineArray(MaxGroups * 2)]
        private struct Bounds
        {
            private int first;
        }
    }
}
