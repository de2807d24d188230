namespace Dome.Cedar.Syntax;

/// <summary>
/// The direct sub-expressions of a node, for iterative walks over a syntax tree (no recursion, so deep trees cannot
/// overflow the stack). <see cref="Push"/> pushes a node's children so that they pop in source order, leftmost first:
/// a walk that pops a node, handles it and pushes its children visits the tree pre-order, left to right.
/// </summary>
internal static class ExprChildren
{
    /// <summary>A work stack holding the bodies of a policy's `when`/`unless` conditions, the first on top.</summary>
    public static Stack<Expr> OfConditions(Policy policy)
    {
        var work = new Stack<Expr>();
        for (int i = policy.Conditions.Length - 1; i >= 0; i--)
        {
            work.Push(policy.Conditions[i].Body);
        }

        return work;
    }

    /// <summary>Pushes the children of <paramref name="e"/> (none for literals and variables), the leftmost last.</summary>
    public static void Push(Stack<Expr> work, Expr e)
    {
        switch (e)
        {
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
                work.Push(test.Target);
                break;
            case ExtensionCallExpr call:
                PushReversed(work, call.Arguments);
                break;
            case SetExpr set:
                PushReversed(work, set.Elements);
                break;
            case RecordExpr record:
                PushReversed(work, record.Values);
                break;
        }
    }

    private static void PushReversed(Stack<Expr> work, Expr[] items)
    {
        for (int i = items.Length - 1; i >= 0; i--)
        {
            work.Push(items[i]);
        }
    }
}
