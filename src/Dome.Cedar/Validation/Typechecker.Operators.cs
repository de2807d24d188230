using Dome.Cedar.Evaluation;
using Dome.Cedar.Schema.Types;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>Unary and binary operators.</summary>
internal sealed partial class Typechecker
{
    private static bool IsBool(CedarType t) => t is BoolType or NeverType;

    private static bool IsLong(CedarType t) => t is LongType or NeverType;

    private static bool IsString(CedarType t) => t is StringType or NeverType;

    private static bool IsSet(CedarType t) => t is SetType or NeverType;

    private static bool IsEntity(CedarType t) => t is EntityType or NeverType;

    private static bool IsEntityOrRecord(CedarType t) => t is EntityType or RecordType or NeverType;

    private static bool IsEntityOrEntitySet(CedarType t) =>
        t is EntityType or NeverType || t is SetType { Element: EntityType or NeverType };

    private static bool IsComparable(CedarType t) => t is LongType || t is ExtensionType { Name: "datetime" or "duration" };

    /// <summary>Typechecks <paramref name="e"/> and requires its type to pass <paramref name="accept"/>.</summary>
    private Typed Expect(Expr e, CapabilitySet prior, Func<CedarType, bool> accept, string expected)
    {
        var actual = Check(e, prior);
        if (actual.Type is null)
        {
            return Typed.Fail();
        }

        if (!accept(actual.Type))
        {
            Error(e, "unexpected-type", $"unexpected type: expected {expected} but saw `{actual.Type.Display}`");
            return Typed.Fail();
        }

        return actual;
    }

    private Typed CheckUnary(UnaryExpr e, CapabilitySet prior)
    {
        switch (e.Op)
        {
            case UnaryOp.Not:
                {
                    var operand = Expect(e.Operand, prior, IsBool, "`__cedar::Bool`");
                    var type = operand.Type switch
                    {
                        BoolType { Value: true } => BoolType.False,
                        BoolType { Value: false } => BoolType.True,
                        _ => BoolType.Any,
                    };
                    return Typed.Success(type).And(operand.Ok && operand.Type is not null);
                }

            case UnaryOp.Negate:
                return Typed.Success(LongType.Instance).And(Expect(e.Operand, prior, IsLong, "`__cedar::Long`").Ok);
            default:
                return Typed.Success(BoolType.Any).And(Expect(e.Operand, prior, IsSet, "a set").Ok);
        }
    }

    private Typed CheckBinary(BinaryExpr e, CapabilitySet prior)
    {
        switch (e.Op)
        {
            case BinaryOp.Equal:
            case BinaryOp.NotEqual:
                return CheckEquality(e, prior);
            case BinaryOp.Less:
            case BinaryOp.LessEqual:
            case BinaryOp.Greater:
            case BinaryOp.GreaterEqual:
                return CheckComparison(e, prior);
            case BinaryOp.Add:
            case BinaryOp.Subtract:
            case BinaryOp.Multiply:
                {
                    var left = Expect(e.Left, prior, IsLong, "`__cedar::Long`");
                    var right = Expect(e.Right, prior, IsLong, "`__cedar::Long`");
                    return Typed.Success(LongType.Instance).And(left.Ok && right.Ok);
                }

            case BinaryOp.In:
                return CheckIn(e, prior);
            case BinaryOp.Contains:
                {
                    var set = Expect(e.Left, prior, IsSet, "a set");
                    var item = Check(e.Right, prior);
                    bool ok = set.Ok && item.Ok;
                    if (set.Type is SetType { Element: var element } && item.Type is not null
                        && Bound(e, [element, item.Type], "the set's elements and the argument of `contains`") is null)
                    {
                        ok = false;
                    }

                    return Typed.Success(BoolType.Any).And(ok);
                }

            case BinaryOp.ContainsAll:
            case BinaryOp.ContainsAny:
                {
                    var left = Expect(e.Left, prior, IsSet, "a set");
                    var right = Expect(e.Right, prior, IsSet, "a set");
                    bool ok = left.Ok && right.Ok;
                    if (left.Type is not null && right.Type is not null
                        && Bound(e, [left.Type, right.Type], "the two sets") is null)
                    {
                        ok = false;
                    }

                    return Typed.Success(BoolType.Any).And(ok);
                }

            case BinaryOp.HasTag:
                return CheckHasTag(e, prior);
            default:
                return CheckGetTag(e, prior);
        }
    }

    private Typed CheckEquality(BinaryExpr e, CapabilitySet prior)
    {
        var left = Check(e.Left, prior);
        var right = Check(e.Right, prior);
        bool ok = left.Ok && right.Ok;
        BoolType type;
        if (left.Type is not null && right.Type is not null && TypeLattice.AreDisjoint(left.Type, right.Type))
        {
            type = BoolType.False;
        }
        else if (AsPrimitiveLiteral(e.Left) is { } l && AsPrimitiveLiteral(e.Right) is { } r)
        {
            type = BoolType.Of(l.Equals(r));
        }
        else
        {
            type = BoolType.Any;
        }

        if (type.Value is null && left.Type is not null && right.Type is not null
            && Bound(e, [left.Type, right.Type], "the operands of `==`") is null)
        {
            ok = false;
        }

        if (e.Op == BinaryOp.NotEqual && type.Value is { } value)
        {
            type = BoolType.Of(!value);
        }

        return Typed.Success(type).And(ok);
    }

    /// <summary>A bool, long, string or entity literal (the <c>action</c> variable counts as its uid), else null.</summary>
    private CedarValue? AsPrimitiveLiteral(Expr e) => e switch
    {
        LiteralExpr { Value: BoolValue or LongValue or StringValue or EntityValue } literal when !IsFoldedCall(literal) => literal.Value,
        VariableExpr { Variable: Variable.Action } => new EntityValue(new EntityUid(env.Action.Type, env.Action.Id)),
        _ => null,
    };

    private Typed CheckComparison(BinaryExpr e, CapabilitySet prior)
    {
        var left = Check(e.Left, prior);
        var right = Check(e.Right, prior);
        bool ok = left.Ok && right.Ok;
        var (l, r) = (left.Type, right.Type);
        if (l is null || r is null)
        {
            return Typed.Fail(BoolType.Any);
        }

        const string expected = "`__cedar::Long`, `__cedar::datetime` or `__cedar::duration`";
        switch (l, r)
        {
            case (NeverType, NeverType):
                ok = false;
                break;
            case (NeverType, _) when !IsComparable(r):
                Error(e.Right, "unexpected-type", $"unexpected type: expected {expected} but saw `{r.Display}`");
                ok = false;
                break;
            case (_, NeverType) when !IsComparable(l):
                Error(e.Left, "unexpected-type", $"unexpected type: expected {expected} but saw `{l.Display}`");
                ok = false;
                break;
            case (NeverType, _) or (_, NeverType):
                break;
            default:
                if (l == r && IsComparable(l))
                {
                    break;
                }

                ok = false;
                if (IsComparable(l))
                {
                    Error(e.Right, "unexpected-type", $"unexpected type: expected `{l.Display}` but saw `{r.Display}`");
                }
                else if (IsComparable(r))
                {
                    Error(e.Left, "unexpected-type", $"unexpected type: expected `{r.Display}` but saw `{l.Display}`");
                }
                else
                {
                    Error(e.Left, "unexpected-type", $"unexpected type: expected {expected} but saw `{l.Display}`");
                    Error(e.Right, "unexpected-type", $"unexpected type: expected {expected} but saw `{r.Display}`");
                }

                break;
        }

        return Typed.Success(BoolType.Any).And(ok);
    }

    /// <summary>The least upper bound of <paramref name="types"/>, reporting incompatible types at <paramref name="at"/>.</summary>
    private CedarType? Bound(Expr at, IReadOnlyList<CedarType> types, string what)
    {
        var lub = TypeLattice.LeastUpperBound(types, out var reason);
        if (lub is null)
        {
            string shown = string.Join(", ", types.Select(t => $"`{t.Display}`").Distinct());
            Error(at, "incompatible-types", $"the types {shown} of {what} are not compatible{(reason is null ? string.Empty : $": {reason}")}");
        }

        return lub;
    }

    private void Error(Expr at, string code, string message) =>
        errors.Add(new ValidationDiagnostic(policyId, code, message, at.Span));
}
