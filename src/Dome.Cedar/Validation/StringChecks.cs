using System.Text;
using Dome.Cedar.Evaluation;
using Dome.Cedar.Syntax;
using Dome.Cedar.Validation.Unicode;

namespace Dome.Cedar.Validation;

/// <summary>
/// The reference's warnings about text that hides what it says. Identifiers (entity ids, attribute names, record keys)
/// warn when they hold bidirectional-control characters, else a character outside printable ASCII that the UTS #39
/// General Security Profile does not allow, else characters of more than one script; string literals and `like`
/// patterns warn about bidirectional-control characters, else mixed scripts. As in the reference, a pattern is checked
/// as it prints (each character escaped, so `\0` adds Latin letters); unlike the reference, a string's hidden
/// characters are escaped in the message. Script and identifier data are Unicode 14.0 tables generated into
/// <c>Validation/Unicode</c>.
/// </summary>
internal static class StringChecks
{
    private static readonly int[] BidiCharacters = [0x202A, 0x202B, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x202C, 0x2069];

    public static void Check(Policy policy, List<ValidationDiagnostic> warnings)
    {
        foreach (var (isString, text, span) in Texts(policy))
        {
            if ((isString ? StringProblem(text) : IdentifierProblem(text)) is { } problem)
            {
                warnings.Add(new ValidationDiagnostic(policy.Id, problem.Code, problem.Message, span));
            }
        }
    }

    private static (string Code, string Message)? StringProblem(string text)
    {
        string shown = $"string `\"{DebugEscape.Hidden(text)}\"`";
        if (HasBidi(text))
        {
            return ("bidi-characters-string", $"{shown} contains BIDI control characters");
        }

        return MixedScripts.IsSingleScript(text) ? null : ("mixed-script-string", $"{shown} contains mixed scripts");
    }

    private static (string Code, string Message)? IdentifierProblem(string text)
    {
        string shown = $"identifier `{DebugEscape.Text(text)}`";
        if (HasBidi(text))
        {
            return ("bidi-characters", $"{shown} contains BIDI control characters");
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value != ' ' && !(rune.Value > 0x20 && rune.Value < 0x7F) && !IdentifierStatus.IsAllowed(rune.Value))
            {
                return ("confusable-identifier", $"{shown} contains the character `{DebugEscape.Character(rune)}` which is not a printable "
                    + "ASCII character and falls outside of the General Security Profile for Identifiers");
            }
        }

        return MixedScripts.IsSingleScript(text) ? null : ("mixed-script-identifier", $"{shown} contains mixed scripts");
    }

    private static bool HasBidi(string text) => text.EnumerateRunes().Any(r => Array.IndexOf(BidiCharacters, r.Value) >= 0);

    /// <summary>The identifiers and strings of a policy in source order: the scope's entity ids, then each condition's.</summary>
    private static List<(bool IsString, string Text, SourceSpan Span)> Texts(Policy policy)
    {
        var texts = new List<(bool, string, SourceSpan)>();
        foreach (var scope in new[] { policy.Principal, policy.Action, policy.Resource })
        {
            if (scope.Entity is { } entity)
            {
                texts.Add((false, entity.Id, policy.Span));
            }

            texts.AddRange((scope.Entities ?? []).Select(uid => (false, uid.Id, policy.Span)));
        }

        var work = ExprChildren.OfConditions(policy);
        while (work.Count > 0)
        {
            var e = work.Pop();
            switch (e)
            {
                case LiteralExpr literal:
                    AddValue(texts, literal.Value, literal.Span);
                    break;
                case AttributeExpr attr:
                    texts.Add((false, attr.Attribute, attr.Span));
                    break;
                case RecordExpr record:
                    texts.AddRange(record.Keys.Order(StringComparer.Ordinal).Select(k => (false, k, record.Span)));
                    break;
                case LikeExpr like:
                    texts.Add((true, like.Pattern.Render(DebugEscape.Character), like.Span));
                    break;
            }

            ExprChildren.Push(work, e);
        }

        return texts;
    }

    /// <summary>The text inside a literal value the parser built from constant syntax (sets and records folded).</summary>
    private static void AddValue(List<(bool, string, SourceSpan)> texts, CedarValue value, SourceSpan span)
    {
        var work = new Stack<CedarValue>();
        work.Push(value);
        while (work.Count > 0)
        {
            switch (work.Pop())
            {
                case StringValue s:
                    texts.Add((true, s.Value, span));
                    break;
                case EntityValue entity:
                    texts.Add((false, entity.Uid.Id, span));
                    break;
                case SetValue set:
                    foreach (var item in Enumerable.Reverse(set.Items))
                    {
                        work.Push(item);
                    }

                    break;
                case RecordValue record:
                    var keys = record.Attributes.Keys.Order(StringComparer.Ordinal).ToArray();
                    texts.AddRange(keys.Select(k => (false, k, span)));
                    foreach (var key in Enumerable.Reverse(keys))
                    {
                        work.Push(record.Attributes[key]);
                    }

                    break;
            }
        }
    }
}
