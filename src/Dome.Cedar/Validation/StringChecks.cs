using System.Globalization;
using System.Text;
using Dome.Cedar.Evaluation;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>
/// Warnings for entity ids that hide characters (controls, format characters, private-use or unassigned code
/// points) and for text with bidirectional-override characters. The reference also warns about mixed scripts
/// and some visible non-ASCII characters using Unicode script data the base class library does not carry; those
/// are not reported here.
/// </summary>
internal static class StringChecks
{
    private static readonly int[] BidiCharacters = [0x202A, 0x202B, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x202C, 0x2069];

    public static void Check(Policy policy, List<ValidationDiagnostic> warnings)
    {
        var (uids, _) = PolicyLiterals.Collect(policy);
        var names = uids.Select(u => (u.Uid.Id, u.Span)).Concat(AttributeNames(policy));
        foreach (var (id, span) in names)
        {
            if (id.EnumerateRunes().Any(r => Array.IndexOf(BidiCharacters, r.Value) >= 0))
            {
                warnings.Add(new ValidationDiagnostic(policy.Id, "bidi-characters",
                    $"identifier `{Show(id)}` contains BIDI control characters", span));
            }
            else if (FirstHidden(id) is { } hidden)
            {
                warnings.Add(new ValidationDiagnostic(policy.Id, "confusable-identifier",
                    $"identifier `{Show(id)}` contains the character `{Show(hidden.ToString())}` which is not a printable ASCII character", span));
            }
        }
    }

    /// <summary>Attribute names used in `.a`, `has a` and record literal keys (iteratively).</summary>
    private static List<(string Name, SourceSpan Span)> AttributeNames(Policy policy)
    {
        var names = new List<(string, SourceSpan)>();
        var work = new Stack<Expr>(policy.Conditions.Select(c => c.Body));
        while (work.Count > 0)
        {
            var e = work.Pop();
            switch (e)
            {
                case AttributeExpr a:
                    names.Add((a.Attribute, a.Span));
                    work.Push(a.Target);
                    break;
                case RecordExpr r:
                    names.AddRange(r.Keys.Select(k => (k, r.Span)));
                    foreach (var v in r.Values)
                    {
                        work.Push(v);
                    }

                    break;
                case LiteralExpr { Value: RecordValue record } literal:
                    names.AddRange(record.Attributes.Keys.Select(k => (k, literal.Span)));
                    break;
                case UnaryExpr u:
                    work.Push(u.Operand);
                    break;
                case BinaryExpr b:
                    work.Push(b.Left);
                    work.Push(b.Right);
                    break;
                case AndExpr and:
                    work.Push(and.Left);
                    work.Push(and.Right);
                    break;
                case IfExpr i:
                    work.Push(i.Condition);
                    work.Push(i.Then);
                    work.Push(i.Else);
                    break;
                case LikeExpr like:
                    work.Push(like.Target);
                    break;
                case IsExpr test:
                    work.Push(test.Target);
                    break;
                case ExtensionCallExpr call:
                    foreach (var arg in call.Arguments)
                    {
                        work.Push(arg);
                    }

                    break;
                case SetExpr set:
                    foreach (var item in set.Elements)
                    {
                        work.Push(item);
                    }

                    break;
            }
        }

        return names;
    }

    private static Rune? FirstHidden(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsHidden(rune))
            {
                return rune;
            }
        }

        return null;
    }

    private static bool IsHidden(Rune rune)
    {
        if (rune.Value == ' ' || (rune.Value > 0x20 && rune.Value < 0x7F))
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator;
    }

    private static string Show(string text)
    {
        var sb = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value < 0x20 || rune.Value == 0x7F || IsHidden(rune))
            {
                sb.Append("\\u{").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('}');
            }
            else
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString();
    }
}
