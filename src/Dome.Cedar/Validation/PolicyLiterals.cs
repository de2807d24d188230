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

        var work = ExprChildren.OfConditions(policy);
        while (work.Count > 0)
        {
            var e = work.Pop();
            if (e is LiteralExpr literal)
            {
                AddValue(literal.Value, literal.Span, uids);
            }
            else if (e is IsExpr test)
            {
                types.Add((test.EntityType, test.Span));
            }

            ExprChildren.Push(work, e);
        }

        return (uids, types);
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
