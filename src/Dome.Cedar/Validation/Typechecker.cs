using Dome.Cedar.Evaluation;
using Dome.Cedar.Schema.Types;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>
/// Strict typechecking of one policy condition in one request environment. Mirrors the reference rules: `&amp;&amp;`,
/// `||` and `if` short-circuit on singleton boolean types (the skipped operand is not checked), `has` guards
/// establish capabilities that make optional attribute and tag access safe, and `==`, `contains`,
/// `containsAll`/`containsAny`, sets and `if` branches need a strict least upper bound.
/// </summary>
internal sealed partial class Typechecker(SchemaView schema, RequestEnvironment env, string policyId, List<ValidationDiagnostic> errors)
{
    public Typed Check(Expr e, CapabilitySet prior)
    {
        if (e is SlotExpr slot)
        {
            string? type = slot.IsPrincipal ? env.PrincipalSlot : env.ResourceSlot;
            return Typed.Success(new EntityType(type is null ? null : [type]));
        }

        return e switch
        {
            LiteralExpr literal when IsFoldedCall(literal) => Typed.Success(FoldedType(literal.Value)),
            LiteralExpr literal => CheckValue(literal.Value, literal),
            VariableExpr variable => Typed.Success(VariableType(variable.Variable)),
            IfExpr conditional => CheckIf(conditional, prior),
            AndExpr { IsOr: false } and => CheckAnd(and, prior),
            AndExpr or => CheckOr(or, prior),
            UnaryExpr unary => CheckUnary(unary, prior),
            BinaryExpr binary => CheckBinary(binary, prior),
            AttributeExpr { Kind: ExprKind.HasAttribute } has => CheckHas(has, prior),
            AttributeExpr get => CheckGet(get, prior),
            LikeExpr like => Typed.Success(BoolType.Any).And(Expect(like.Target, prior, IsString, "__cedar::String").Ok),
            IsExpr test => CheckIs(test, prior),
            ExtensionCallExpr call => CheckCall(call, prior),
            SetExpr set => CheckSet(set, prior),
            RecordExpr record => CheckRecord(record, prior),
            _ => Typed.Fail(),
        };
    }

    /// <summary>
    /// The parser computes extension calls with constant arguments ahead of time and keeps the call beside the result.
    /// Such a literal has the type of the call (a predicate gives `Bool`, not a singleton).
    /// </summary>
    internal static bool IsFoldedCall(LiteralExpr literal) => literal.FoldedCall is not null || literal.Value is ExtensionValue;

    private static CedarType FoldedType(CedarValue value) => value switch
    {
        ExtensionValue x => new ExtensionType(x.ExtensionType),
        LongValue => LongType.Instance,
        _ => BoolType.Any,
    };

    private CedarType VariableType(Variable variable) => variable switch
    {
        Variable.Principal => new EntityType(env.PrincipalType),
        Variable.Action => new EntityType(env.Action.Type),
        Variable.Resource => new EntityType(env.ResourceType),
        _ => env.Context,
    };

    /// <summary>Types a literal value (sets and records the parser folded into values are typed element by element).</summary>
    private Typed CheckValue(CedarValue value, Expr at)
    {
        switch (value)
        {
            case BoolValue b:
                return Typed.Success(BoolType.Of(b.Value));
            case LongValue:
                return Typed.Success(LongType.Instance);
            case StringValue:
                return Typed.Success(StringType.Instance);
            case EntityValue entity:
                return schema.LiteralType(entity.Uid) is { } type ? Typed.Success(type) : Typed.Fail();
            case ExtensionValue extension:
                return Typed.Success(new ExtensionType(extension.ExtensionType));
            case SetValue set:
                {
                    var items = set.Items.Select(i => CheckValue(i, at)).ToList();
                    return SetOf(items, set.Count == 0, at);
                }

            case RecordValue record:
                {
                    var attrs = new SortedDictionary<string, AttributeType>(StringComparer.Ordinal);
                    bool ok = true;
                    foreach (var (name, item) in record.Attributes)
                    {
                        var typed = CheckValue(item, at);
                        ok &= typed.Ok && typed.Type is not null;
                        if (typed.Type is not null)
                        {
                            attrs[name] = new AttributeType(typed.Type, true);
                        }
                    }

                    return ok ? Typed.Success(new RecordType(attrs)) : Typed.Fail();
                }

            default:
                return Typed.Fail();
        }
    }

    private Typed CheckIf(IfExpr e, CapabilitySet prior)
    {
        var test = Expect(e.Condition, prior, IsBool, "__cedar::Bool");
        if (test.Type is BoolType { Value: true })
        {
            var then = Check(e.Then, prior.Union(test.Caps));
            return new Typed(then.Type, test.Ok && then.Ok, test.Ok && then.Ok ? then.Caps.Union(test.Caps) : CapabilitySet.Empty);
        }

        if (test.Type is BoolType { Value: false })
        {
            var otherwise = Check(e.Else, prior);
            return otherwise.And(test.Ok);
        }

        var thenBranch = Check(e.Then, prior.Union(test.Caps));
        var elseBranch = Check(e.Else, prior);
        bool ok = test.Ok && thenBranch.Ok && elseBranch.Ok;
        if (thenBranch.Type is null || elseBranch.Type is null)
        {
            return Typed.Fail();
        }

        var lub = Bound(e, [thenBranch.Type, elseBranch.Type], "the branches of a conditional");
        if (lub is null)
        {
            return Typed.Fail();
        }

        return ok ? Typed.Success(lub, thenBranch.Caps.Union(test.Caps).Intersect(elseBranch.Caps)) : Typed.Fail(lub);
    }

    private Typed CheckAnd(AndExpr e, CapabilitySet prior)
    {
        var left = Expect(e.Left, prior, IsBool, "__cedar::Bool");
        if (left.Type is BoolType { Value: false })
        {
            return new Typed(left.Type, left.Ok, CapabilitySet.Empty);
        }

        var right = Expect(e.Right, prior.Union(left.Caps), IsBool, "__cedar::Bool");
        bool ok = left.Ok && right.Ok;
        if (left.Type is null || right.Type is null)
        {
            return Typed.Fail(BoolType.Any);
        }

        Typed result;
        if (right.Type is BoolType { Value: false })
        {
            result = Typed.Success(BoolType.False);
        }
        else if (right.Type is BoolType { Value: true })
        {
            result = Typed.Success(left.Type, left.Caps.Union(right.Caps));
        }
        else if (left.Type is BoolType { Value: true })
        {
            result = Typed.Success(right.Type, right.Caps);
        }
        else
        {
            result = Typed.Success(BoolType.Any, left.Caps.Union(right.Caps));
        }

        return result.And(ok);
    }

    private Typed CheckOr(AndExpr e, CapabilitySet prior)
    {
        var left = Expect(e.Left, prior, IsBool, "__cedar::Bool");
        if (left.Type is BoolType { Value: true })
        {
            return left;
        }

        var right = Expect(e.Right, prior, IsBool, "__cedar::Bool");
        bool ok = left.Ok && right.Ok;
        if (left.Type is null || right.Type is null)
        {
            return Typed.Fail(BoolType.Any);
        }

        Typed result;
        if (right.Type is BoolType { Value: true })
        {
            result = Typed.Success(BoolType.True, right.Caps);
        }
        else if (right.Type is BoolType { Value: false })
        {
            result = Typed.Success(left.Type, left.Caps);
        }
        else if (left.Type is BoolType { Value: false })
        {
            result = Typed.Success(right.Type, right.Caps);
        }
        else
        {
            result = Typed.Success(BoolType.Any, right.Caps.Intersect(left.Caps));
        }

        return result.And(ok);
    }
}
