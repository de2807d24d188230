using Dome.Cedar.Evaluation;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>Collects the entity uid literals and `is` entity types of a policy (scope and conditions), iteratively.</summary>
internal static class PolicyLiterals
{
    public static (List<(EntityUid Uid, SourceSpan Span)> Uids, List<(string Type, SourceSpan Span)> Types) Collect(Policy policy)
    {
        var uids = new List<(EntityUid, SourceSpan)>();
        var types = new List<(string, SourceSpan)>();
        foreach (var scope in new[] { policy.Principal, policy.Action, policy.Resource })
        {
            if (scope.Entity is { } entity)
            {
                uids.Add((entity, policy.Span));
            }

            foreach (var item in scope.Entities ?? [])
            {
                uids.Add((item, policy.Span));
            }

            if (scope.EntityType is { } type)
            {
                types.Add((type, policy.Span));
            }
        }

        var work = new Stack<Expr>(policy.Conditions.Select(c => c.Body));
        while (work.Count > 0)
        {
            var e = work.Pop();
            switch (e)
            {
                case LiteralExpr literal:
                    AddValue(literal.Value, literal.Span, uids);
                    break;
                case UnaryExpr u:
                    work.Push(u.Operand);
                    break;
                case BinaryExpr b:
                    work.Push(b.Right);
                    work.Push(b.Left);
                    break;
                case AndExpr a:
                    work.Push(a.Right);
                    work.Push(a.Left);
                    break;
                case IfExpr i:
                    work.Push(i.Else);
                    work.Push(i.Then);
                    work.Push(i.Condition);
                    break;
                case AttributeExpr attr:
                    work.Push(attr.Target);
                    break;
                case LikeExpr like:
                    work.Push(like.Target);
                    break;
                case IsExpr test:
                    types.Add((test.EntityType, test.Span));
                    work.Push(test.Target);
                    break;
                case ExtensionCallExpr call:
                    PushAll(work, call.Arguments);
                    break;
                case SetExpr set:
                    PushAll(work, set.Elements);
                    break;
                case RecordExpr record:
                    PushAll(work, record.Values);
                    break;
            }
        }

        return (uids, types);
    }

    private static void PushAll(Stack<Expr> work, Expr[] items)
    {
        for (int i = items.Length - 1; i >= 0; i--)
        {
            work.Push(items[i]);
        }
    }

    private static void AddValue(CedarValue value, SourceSpan span, List<(EntityUid, SourceSpan)> uids)
    {
        var work = new Stack<CedarValue>();
        work.Push(value);
        while (work.Count > 0)
        {
            switch (work.Pop())
            {
                case EntityValue entity:
                    uids.Add((entity.Uid, span));
                    break;
                case SetValue set:
                    foreach (var item in set.Items)
                    {
                        work.Push(item);
                    }

                    break;
                case RecordValue record:
                    foreach (var item in record.Attributes.Values)
                    {
                        work.Push(item);
                    }

                    break;
            }
        }
    }
}
