using Dome.Cedar.Evaluation;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Json;

/// <summary>
/// Converts the JSON policy format to the engine's policy AST, building exactly what the text
/// parser builds for the same policy: constant sets, records and extension calls are folded,
/// <c>e is T in x</c> becomes <c>(e is T) &amp;&amp; (e in x)</c> and <c>e has a.b</c> becomes
/// <c>e has a &amp;&amp; e.a has b</c>. Nodes carry an empty source span (JSON has no positions).
/// </summary>
internal static class EstToAst
{
    private static readonly SourceSpan NoSpan = default;

    /// <summary>Builds the policy (or template) <paramref name="id"/>.</summary>
    /// <exception cref="CedarJsonException">An entity type, function or nesting the engine cannot accept.</exception>
    public static Policy Convert(EstPolicy policy, string id)
    {
        var conditions = new Condition[policy.Conditions.Count];
        for (var i = 0; i < conditions.Length; i++)
        {
            conditions[i] = new Condition(!policy.Conditions[i].IsWhen, Expr(policy.Conditions[i].Body));
        }

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in policy.Annotations)
        {
            if (!annotations.TryAdd(key, value ?? string.Empty))
            {
                throw new CedarJsonException($"duplicate annotation `{key}` in policy `{id}`");
            }
        }

        return new Policy(
            id,
            policy.Effect == EstEffect.Permit ? Effect.Permit : Effect.Forbid,
            annotations,
            Scope(policy.Principal),
            Scope(policy.Action),
            Scope(policy.Resource),
            conditions,
            NoSpan);
    }

    private static ScopeConstraint Scope(EstScope scope) => scope.Op switch
    {
        EstScopeOp.All => ScopeConstraint.Any,
        EstScopeOp.Equal => new ScopeConstraint(ScopeKind.Equal, Entity: Uid(scope.Entity), Slot: scope.Slot),
        EstScopeOp.In when scope.Entities is { } list => new ScopeConstraint(ScopeKind.InSet, Entities: list.Select(e => Uid(e)!).ToArray()),
        EstScopeOp.In => new ScopeConstraint(ScopeKind.In, Entity: Uid(scope.Entity), Slot: scope.Slot),
        _ when scope.Entity is null && scope.Slot is null => new ScopeConstraint(ScopeKind.Is, EntityType: scope.EntityType),
        _ => new ScopeConstraint(ScopeKind.IsIn, Entity: Uid(scope.Entity), EntityType: scope.EntityType, Slot: scope.Slot),
    };

    private static EntityUid? Uid(EstEntityRef? entity) => entity is null ? null : new EntityUid(entity.Type, entity.Id);

    /// <summary>Converts one expression; refuses results deeper than the parser's limit.</summary>
    public static Expr Expr(EstExpr expr) => Check(Build(expr));

    private static Expr Build(EstExpr expr)
    {
        switch (expr)
        {
            case EstLiteral literal:
                return new LiteralExpr(Value(literal.Value), NoSpan);
            case EstVariable variable:
                return new VariableExpr((Variable)IndexOf(EstVariable.Names, variable.Name), NoSpan);
            case EstSlot slot:
                throw new CedarJsonException($"template slot `{slot.Name}` may only appear in the scope, not in a condition");
            case EstUnary unary:
                return new UnaryExpr(unary.Op switch { "!" => UnaryOp.Not, "neg" => UnaryOp.Negate, _ => UnaryOp.IsEmpty }, Expr(unary.Arg), NoSpan);
            case EstBinary { Op: "&&" or "||" } logical:
                return new AndExpr(logical.Op == "||", Expr(logical.Left), Expr(logical.Right), NoSpan);
            case EstBinary binary:
                return new BinaryExpr(BinaryOpOf(binary.Op), Expr(binary.Left), Expr(binary.Right), NoSpan);
            case EstIfThenElse ite:
                return new IfExpr(Expr(ite.If), Expr(ite.Then), Expr(ite.Else), NoSpan);
            case EstGetAttribute get:
                return new AttributeExpr(ExprKind.GetAttribute, Expr(get.Left), get.Attribute, NoSpan);
            case EstHasAttribute has:
                return HasPath(Expr(has.Left), has.Path);
            case EstLike like:
                return new LikeExpr(Expr(like.Left), Pattern(like.Pattern), NoSpan);
            case EstIs isExpr:
                var target = Expr(isExpr.Left);
                var test = Check(new IsExpr(target, isExpr.EntityType, NoSpan));
                return isExpr.In is null
                    ? test
                    : new AndExpr(false, test, Check(new BinaryExpr(BinaryOp.In, target, Expr(isExpr.In), NoSpan)), NoSpan);
            case EstSet set:
                return FoldSet(set.Elements.Select(Expr).ToArray());
            case EstRecord record:
                return FoldRecord(record);
            case EstExtensionCall call:
                return Call(call);
            default:
                throw new CedarJsonException($"unknown expression `{expr.GetType().Name}`");
        }
    }

    private static Expr HasPath(Expr target, IReadOnlyList<string> path)
    {
        Expr result = Check(new AttributeExpr(ExprKind.HasAttribute, target, path[0], NoSpan));
        var prefix = target;
        for (var i = 1; i < path.Count; i++)
        {
            prefix = Check(new AttributeExpr(ExprKind.GetAttribute, prefix, path[i - 1], NoSpan));
            result = Check(new AndExpr(false, result, Check(new AttributeExpr(ExprKind.HasAttribute, prefix, path[i], NoSpan)), NoSpan));
        }

        return result;
    }

    private static Expr FoldSet(Expr[] elements)
    {
        var values = new CedarValue[elements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            if (elements[i] is not LiteralExpr literal)
            {
                return new SetExpr(elements, NoSpan);
            }

            values[i] = literal.Value;
        }

        return new LiteralExpr(SetValue.FromArray(values), NoSpan);
    }

    private static Expr FoldRecord(EstRecord record)
    {
        var keys = new string[record.Fields.Count];
        var values = new Expr[keys.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var constant = true;
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = record.Fields[i].Key;
            if (!seen.Add(keys[i]))
            {
                throw new CedarJsonException($"duplicate key `{keys[i]}` in record literal");
            }

            values[i] = Expr(record.Fields[i].Value);
            constant &= values[i] is LiteralExpr;
        }

        if (!constant)
        {
            return new RecordExpr(keys, values, NoSpan);
        }

        var map = new Dictionary<string, CedarValue>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            map[keys[i]] = ((LiteralExpr)values[i]).Value;
        }

        return new LiteralExpr(RecordValue.Wrap(map), NoSpan);
    }

    private static Expr Call(EstExtensionCall call)
    {
        var function = ExtensionFunctions.Find(call.Function)
            ?? throw new CedarJsonException($"unknown extension function `{call.Function}`");
        var arguments = call.Arguments.Select(Expr).ToArray();
        var node = new ExtensionCallExpr(function, arguments, NoSpan);
        Check(node);
        if (arguments.Length != function.Arity || !arguments.All(a => a is LiteralExpr))
        {
            return node;
        }

        // :: Constant arguments: fold as the text parser does; a failing call stays a call and fails when evaluated.
        try
        {
            return new LiteralExpr(function.Invoke(arguments.Select(a => ((LiteralExpr)a).Value).ToArray()), NoSpan, node);
        }
        catch (EvaluationException)
        {
            return node;
        }
    }

    private static LikePattern Pattern(IReadOnlyList<EstPatternElement> elements)
    {
        var chars = new List<char>();
        var wildcard = new List<bool>();
        foreach (var element in elements)
        {
            if (element.IsWildcard)
            {
                chars.Add('*');
                wildcard.Add(true);
                continue;
            }

            foreach (var c in element.Literal)
            {
                chars.Add(c);
                wildcard.Add(false);
            }
        }

        return new LikePattern(chars.ToArray(), wildcard.ToArray());
    }

    private static CedarValue Value(object value) => value switch
    {
        bool b => BoolValue.Of(b),
        long l => LongValue.Of(l),
        string s => new StringValue(s),
        EstEntityRef e => new EntityValue(new EntityUid(e.Type, e.Id)),
        _ => throw new CedarJsonException($"cannot convert literal of type `{value.GetType().Name}`"),
    };

    private static BinaryOp BinaryOpOf(string op) => op switch
    {
        "==" => BinaryOp.Equal,
        "!=" => BinaryOp.NotEqual,
        "<" => BinaryOp.Less,
        "<=" => BinaryOp.LessEqual,
        ">" => BinaryOp.Greater,
        ">=" => BinaryOp.GreaterEqual,
        "+" => BinaryOp.Add,
        "-" => BinaryOp.Subtract,
        "*" => BinaryOp.Multiply,
        "in" => BinaryOp.In,
        "contains" => BinaryOp.Contains,
        "containsAll" => BinaryOp.ContainsAll,
        "containsAny" => BinaryOp.ContainsAny,
        "getTag" => BinaryOp.GetTag,
        "hasTag" => BinaryOp.HasTag,
        _ => throw new CedarJsonException($"unknown operator `{op}`"),
    };

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new CedarJsonException($"unknown variable `{name}`");
    }

    private static Expr Check(Expr expr) =>
        expr.Depth <= Parser.MaxDepth
            ? expr
            : throw new CedarJsonException($"expression is too deeply nested (more than {Parser.MaxDepth} levels)");
}
