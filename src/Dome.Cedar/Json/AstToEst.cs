using Dome.Cedar.Evaluation;
using Dome.Cedar.Extensions;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Json;

/// <summary>
/// Converts the engine's policy AST to the JSON policy format. The parser folds constants and
/// desugars two forms; this conversion recovers the desugared ones (<c>e is T in x</c> and
/// <c>e has a.b</c>, recognised by the shared subexpression the parser builds) and writes folded
/// constants as values: a folded set as <c>Set</c> of values, an extension value as its
/// constructor call (<c>{"decimal": [{"Value": "1.5"}]}</c>), a folded call such as
/// <c>ip("::1").isLoopback()</c> as its result. The JSON is therefore equivalent to, but not
/// always identical with, the reference's JSON of the same text.
/// </summary>
internal static class AstToEst
{
    /// <summary>The JSON-format form of <paramref name="policy"/>.</summary>
    public static EstPolicy Convert(Policy policy)
    {
        var conditions = new List<EstCondition>(policy.Conditions.Length);
        foreach (var condition in policy.Conditions)
        {
            conditions.Add(new EstCondition(!condition.IsUnless, Expr(condition.Body)));
        }

        return new EstPolicy
        {
            Effect = policy.Effect == Effect.Permit ? EstEffect.Permit : EstEffect.Forbid,
            Principal = Scope(policy.Principal),
            Action = Scope(policy.Action),
            Resource = Scope(policy.Resource),
            Conditions = conditions,
            // The reference keeps annotations in a sorted map; write them in that order.
            Annotations = policy.Annotations.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => new KeyValuePair<string, string?>(a.Key, a.Value)).ToList(),
        };
    }

    private static EstScope Scope(ScopeConstraint scope) => scope.Kind switch
    {
        ScopeKind.Any => EstScope.All,
        ScopeKind.Equal => new EstScope { Op = EstScopeOp.Equal, Entity = Ref(scope.Entity), Slot = scope.Slot },
        ScopeKind.In => new EstScope { Op = EstScopeOp.In, Entity = Ref(scope.Entity), Slot = scope.Slot },
        ScopeKind.Is => new EstScope { Op = EstScopeOp.Is, EntityType = scope.EntityType },
        ScopeKind.IsIn => new EstScope { Op = EstScopeOp.Is, EntityType = scope.EntityType, Entity = Ref(scope.Entity), Slot = scope.Slot },
        // The reference writes `action in [A]` (one entity) as `action in A`.
        _ when scope.Entities!.Length == 1 => new EstScope { Op = EstScopeOp.In, Entity = Ref(scope.Entities[0]) },
        _ => new EstScope { Op = EstScopeOp.In, Entities = scope.Entities!.Select(e => Ref(e)!).ToList() },
    };

    private static EstEntityRef? Ref(EntityUid? uid) => uid is null ? null : new EstEntityRef(uid.Type, uid.Id);

    /// <summary>Converts one expression (recursion is bounded by the parser's depth limit).</summary>
    public static EstExpr Expr(Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                return Value(literal.Value);
            case VariableExpr variable:
                return new EstVariable(EstVariable.Names[(int)variable.Variable]);
            case UnaryExpr unary:
                return new EstUnary(unary.Op switch { UnaryOp.Not => "!", UnaryOp.Negate => "neg", _ => "isEmpty" }, Expr(unary.Operand));
            case BinaryExpr binary:
                return new EstBinary(BinaryOpName(binary.Op), Expr(binary.Left), Expr(binary.Right));
            case AndExpr and:
                if (!and.IsOr && TryIsIn(and, out var isIn))
                {
                    return isIn;
                }

                if (!and.IsOr && TryHasPath(and, out var target, out var path, out _))
                {
                    return new EstHasAttribute(Expr(target), path);
                }

                return new EstBinary(and.IsOr ? "||" : "&&", Expr(and.Left), Expr(and.Right));
            case IfExpr ite:
                return new EstIfThenElse(Expr(ite.Condition), Expr(ite.Then), Expr(ite.Else));
            case AttributeExpr { Kind: ExprKind.GetAttribute } get:
                return new EstGetAttribute(Expr(get.Target), get.Attribute);
            case AttributeExpr has:
                return new EstHasAttribute(Expr(has.Target), [has.Attribute]);
            case LikeExpr like:
                return new EstLike(Expr(like.Target), Pattern(like.Pattern));
            case IsExpr isExpr:
                return new EstIs(Expr(isExpr.Target), isExpr.EntityType, null);
            case ExtensionCallExpr call:
                return new EstExtensionCall(call.Function.Name, call.Arguments.Select(Expr).ToList());
            case SetExpr set:
                return new EstSet(set.Elements.Select(Expr).ToList());
            case RecordExpr record:
                // Records are written with sorted keys, as the reference's map does.
                var fields = new List<KeyValuePair<string, EstExpr>>(record.Keys.Length);
                for (var i = 0; i < record.Keys.Length; i++)
                {
                    fields.Add(new(record.Keys[i], Expr(record.Values[i])));
                }

                fields.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                return new EstRecord(fields);
            default:
                throw new CedarJsonException($"cannot convert expression of kind `{expr.Kind}` to json");
        }
    }

    /// <summary>A folded constant as JSON-format expression.</summary>
    public static EstExpr Value(CedarValue value) => value switch
    {
        BoolValue b => new EstLiteral(b.Value),
        LongValue l => new EstLiteral(l.Value),
        StringValue s => new EstLiteral(s.Value),
        EntityValue e => new EstLiteral(new EstEntityRef(e.Uid.Type, e.Uid.Id)),
        SetValue set => new EstSet(set.Items.Select(Value).ToList()),
        RecordValue record => new EstRecord(record.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => new KeyValuePair<string, EstExpr>(a.Key, Value(a.Value))).ToList()),
        ExtensionValue<CedarDecimal> d => Call("decimal", d.Value.ToString()),
        ExtensionValue<CedarIpAddress> ip => Call("ip", ip.Value.ToString()),
        ExtensionValue<CedarDuration> duration => Call("duration", duration.Value.ToString()),
        ExtensionValue<CedarDateTime> datetime => datetime.Value.TryFormatIso(out var iso)
            ? Call("datetime", iso)
            : new EstExtensionCall("offset", [Call("datetime", "1970-01-01"), Call("duration", CedarDuration.FromMilliseconds(datetime.Value.EpochMilliseconds).ToString())]),
        _ => throw new CedarJsonException($"cannot convert a value of type `{value.GetType().Name}` to json"),
    };

    private static EstExtensionCall Call(string function, string argument) => new(function, [new EstLiteral(argument)]);

    private static string BinaryOpName(BinaryOp op) => op switch
    {
        BinaryOp.Equal => "==",
        BinaryOp.NotEqual => "!=",
        BinaryOp.Less => "<",
        BinaryOp.LessEqual => "<=",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterEqual => ">=",
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.In => "in",
        BinaryOp.Contains => "contains",
        BinaryOp.ContainsAll => "containsAll",
        BinaryOp.ContainsAny => "containsAny",
        BinaryOp.GetTag => "getTag",
        _ => "hasTag",
    };

    /// <summary>The parser writes <c>e is T in x</c> as <c>(e is T) &amp;&amp; (e in x)</c> sharing the node <c>e</c>.</summary>
    private static bool TryIsIn(AndExpr and, out EstExpr result)
    {
        if (and.Left is IsExpr isExpr && and.Right is BinaryExpr { Op: BinaryOp.In } inExpr && ReferenceEquals(isExpr.Target, inExpr.Left))
        {
            result = new EstIs(Expr(isExpr.Target), isExpr.EntityType, Expr(inExpr.Right));
            return true;
        }

        result = null!;
        return false;
    }

    /// <summary>
    /// The parser writes <c>e has a.b.c</c> as <c>e has a &amp;&amp; e.a has b &amp;&amp; e.a.b has c</c>,
    /// where each <c>e.a</c> prefix is the very node the next step builds on.
    /// </summary>
    private static bool TryHasPath(Expr expr, out Expr target, out List<string> path, out Expr prefix)
    {
        if (expr is AttributeExpr { Kind: ExprKind.HasAttribute } has)
        {
            target = has.Target;
            path = [has.Attribute];
            prefix = has.Target;
            return true;
        }

        if (expr is AndExpr { IsOr: false } and
            && and.Right is AttributeExpr { Kind: ExprKind.HasAttribute, Target: AttributeExpr { Kind: ExprKind.GetAttribute } step } last
            && TryHasPath(and.Left, out target, out path, out var previous)
            && ReferenceEquals(step.Target, previous)
            && step.Attribute == path[^1])
        {
            path.Add(last.Attribute);
            prefix = step;
            return true;
        }

        target = null!;
        path = null!;
        prefix = null!;
        return false;
    }

    /// <summary>Splits a pattern into one element per wildcard and per character, as the reference does.</summary>
    private static List<EstPatternElement> Pattern(LikePattern pattern)
    {
        // LikePattern exposes only its escaped source form; decode the escapes its printer writes.
        var text = pattern.ToString();
        var elements = new List<EstPatternElement>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*')
            {
                elements.Add(EstPatternElement.Wildcard);
                continue;
            }

            if (c != '\\')
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                elements.Add(new EstPatternElement(false, text.Substring(i, length)));
                i += length - 1;
                continue;
            }

            var escape = text[++i];
            string literal;
            if (escape == 'u')
            {
                var close = text.IndexOf('}', i);
                literal = char.ConvertFromUtf32(System.Convert.ToInt32(text[(i + 2)..close], 16));
                i = close;
            }
            else
            {
                literal = escape switch
                {
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    '0' => "\0",
                    _ => escape.ToString(),
                };
            }

            elements.Add(new EstPatternElement(false, literal));
        }

        return elements;
    }
}
