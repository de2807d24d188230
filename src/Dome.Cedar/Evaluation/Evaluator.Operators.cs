using Dome.Cedar.Syntax;

namespace Dome.Cedar.Evaluation;

/// <summary>Unary and binary operators, including the built-in set and tag methods.</summary>
internal sealed partial class Evaluator
{
    private CedarValue Unary(UnaryExpr u)
    {
        var v = Evaluate(u.Operand);
        switch (u.Op)
        {
            case UnaryOp.Not:
                return v is BoolValue b ? BoolValue.Of(!b.Value) : throw EvaluationException.TypeError("bool", v);
            case UnaryOp.Negate:
                if (v is not LongValue n)
                {
                    throw EvaluationException.TypeError("long", v);
                }

                return n.Value == long.MinValue
                    ? throw new EvaluationException($"integer overflow while attempting to negate `{n.Value}`")
                    : LongValue.Of(-n.Value);
            default:
                return v is SetValue s ? BoolValue.Of(s.Count == 0) : throw EvaluationException.TypeError("set", v);
        }
    }

    private CedarValue Binary(BinaryExpr b)
    {
        var left = Evaluate(b.Left);
        var right = Evaluate(b.Right);
        switch (b.Op)
        {
            case BinaryOp.Equal:
                return BoolValue.Of(left.Equals(right));
            case BinaryOp.NotEqual:
                return BoolValue.Of(!left.Equals(right));
            case BinaryOp.Less:
                return BoolValue.Of(Compare(left, right, "<") < 0);
            case BinaryOp.LessEqual:
                return BoolValue.Of(Compare(left, right, "<=") <= 0);
            case BinaryOp.Greater:
                return BoolValue.Of(Compare(left, right, ">") > 0);
            case BinaryOp.GreaterEqual:
                return BoolValue.Of(Compare(left, right, ">=") >= 0);
            case BinaryOp.Add:
            case BinaryOp.Subtract:
            case BinaryOp.Multiply:
                return Arithmetic(b.Op, left, right);
            case BinaryOp.In:
                return BoolValue.Of(In(left, right));
            case BinaryOp.Contains:
                return left is SetValue set ? BoolValue.Of(set.Contains(right)) : throw EvaluationException.TypeError("set", left);
            case BinaryOp.ContainsAll:
                {
                    var (l, r) = Sets(left, right);
                    foreach (var item in r.Span)
                    {
                        if (!l.Contains(item))
                        {
                            return BoolValue.False;
                        }
                    }

                    return BoolValue.True;
                }

            case BinaryOp.ContainsAny:
                {
                    var (l, r) = Sets(left, right);
                    foreach (var item in r.Span)
                    {
                        if (l.Contains(item))
                        {
                            return BoolValue.True;
                        }
                    }

                    return BoolValue.False;
                }

            case BinaryOp.HasTag:
                {
                    var (uid, tag) = TagOperands(left, right);
                    return BoolValue.Of(Find(uid)?.Tags.ContainsKey(tag) ?? false);
                }

            default:
                {
                    var (uid, tag) = TagOperands(left, right);
                    var entity = Find(uid);
                    if (entity is not null && entity.Tags.TryGetValue(tag, out var value))
                    {
                        return value;
                    }

                    throw new EvaluationException(entity is null
                        ? $"entity `{uid}` does not exist, so it has no tag `{tag}`"
                        : $"`{uid}` does not have the tag `{tag}`");
                }
        }
    }

    private static int Compare(CedarValue left, CedarValue right, string op)
    {
        if (left is LongValue a && right is LongValue b)
        {
            return a.Value.CompareTo(b.Value);
        }

        if (left is ExtensionValue x && right is ExtensionValue y && x.SupportsOrdering && x.ExtensionType == y.ExtensionType)
        {
            return x.CompareTo(y);
        }

        throw new EvaluationException(
            $"type error: `{op}` needs two longs, two datetimes or two durations, got {left.TypeName} and {right.TypeName}");
    }

    private static LongValue Arithmetic(BinaryOp op, CedarValue left, CedarValue right)
    {
        if (left is not LongValue a)
        {
            throw EvaluationException.TypeError("long", left);
        }

        if (right is not LongValue b)
        {
            throw EvaluationException.TypeError("long", right);
        }

        try
        {
            return LongValue.Of(op switch
            {
                BinaryOp.Add => checked(a.Value + b.Value),
                BinaryOp.Subtract => checked(a.Value - b.Value),
                _ => checked(a.Value * b.Value),
            });
        }
        catch (OverflowException)
        {
            string symbol = op == BinaryOp.Add ? "+" : op == BinaryOp.Subtract ? "-" : "*";
            throw new EvaluationException($"integer overflow while evaluating `{a.Value} {symbol} {b.Value}`");
        }
    }

    private bool In(CedarValue left, CedarValue right)
    {
        if (left is not EntityValue e)
        {
            throw EvaluationException.TypeError("entity", left);
        }

        if (right is EntityValue target)
        {
            return e.Uid.Equals(target.Uid) || (Find(e.Uid)?.Ancestors.Contains(target.Uid) ?? false);
        }

        if (right is not SetValue set)
        {
            throw EvaluationException.TypeError("entity or set of entities", right);
        }

        foreach (var item in set.Span)
        {
            if (item is not EntityValue)
            {
                throw EvaluationException.TypeError("set of entities", item);
            }
        }

        var ancestors = Find(e.Uid)?.Ancestors;
        foreach (var item in set.Span)
        {
            var uid = ((EntityValue)item).Uid;
            if (e.Uid.Equals(uid) || (ancestors is not null && ancestors.Contains(uid)))
            {
                return true;
            }
        }

        return false;
    }

    private static (SetValue Left, SetValue Right) Sets(CedarValue left, CedarValue right) =>
        left is not SetValue l ? throw EvaluationException.TypeError("set", left)
        : right is not SetValue r ? throw EvaluationException.TypeError("set", right)
        : (l, r);

    private static (EntityUid Uid, string Tag) TagOperands(CedarValue left, CedarValue right) =>
        left is not EntityValue e ? throw EvaluationException.TypeError("entity", left)
        : right is not StringValue s ? throw EvaluationException.TypeError("string", right)
        : (e.Uid, s.Value);
}
