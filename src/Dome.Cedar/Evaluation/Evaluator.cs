using Dome.Cedar.Entities;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Evaluation;

/// <summary>
/// Evaluates expressions for one request against one entity store, with Cedar's semantics: no implicit conversions,
/// checked 64-bit arithmetic, short-circuit `&amp;&amp;`/`||`, and errors (thrown as <see cref="EvaluationException"/>) for
/// type mismatches, overflow, and missing entities, attributes or tags.
/// </summary>
internal sealed partial class Evaluator(Request request, EntityStore entities)
{
    public Request Request { get; } = request;

    public EntityStore Entities { get; } = entities;

    public bool EvaluateBool(Expr expr) => AsBool(Evaluate(expr));

    public CedarValue Evaluate(Expr expr)
    {
        switch (expr.Kind)
        {
            case ExprKind.Literal:
                return ((LiteralExpr)expr).Value;
            case ExprKind.Variable:
                return ((VariableExpr)expr).Variable switch
                {
                    Variable.Principal => Request.PrincipalValue,
                    Variable.Action => Request.ActionValue,
                    Variable.Resource => Request.ResourceValue,
                    _ => Request.Context,
                };
            case ExprKind.And:
                {
                    var a = (AndExpr)expr;
                    return BoolValue.Of(EvaluateBool(a.Left) && EvaluateBool(a.Right));
                }

            case ExprKind.Or:
                {
                    var a = (AndExpr)expr;
                    return BoolValue.Of(EvaluateBool(a.Left) || EvaluateBool(a.Right));
                }

            case ExprKind.If:
                {
                    var i = (IfExpr)expr;
                    return EvaluateBool(i.Condition) ? Evaluate(i.Then) : Evaluate(i.Else);
                }

            case ExprKind.Unary:
                return Unary((UnaryExpr)expr);
            case ExprKind.Binary:
                return Binary((BinaryExpr)expr);
            case ExprKind.GetAttribute:
                {
                    var a = (AttributeExpr)expr;
                    return GetAttribute(Evaluate(a.Target), a.Attribute);
                }

            case ExprKind.HasAttribute:
                {
                    var a = (AttributeExpr)expr;
                    return BoolValue.Of(HasAttribute(Evaluate(a.Target), a.Attribute));
                }

            case ExprKind.Like:
                {
                    var l = (LikeExpr)expr;
                    var target = Evaluate(l.Target);
                    return target is StringValue s ? BoolValue.Of(l.Pattern.Matches(s.Value)) : throw EvaluationException.TypeError("string", target);
                }

            case ExprKind.Is:
                {
                    var i = (IsExpr)expr;
                    var target = Evaluate(i.Target);
                    return target is EntityValue e
                        ? BoolValue.Of(string.Equals(e.Uid.Type, i.EntityType, StringComparison.Ordinal))
                        : throw EvaluationException.TypeError("entity", target);
                }

            case ExprKind.ExtensionCall:
                {
                    var c = (ExtensionCallExpr)expr;
                    var args = new CedarValue[c.Arguments.Length];
                    for (int k = 0; k < args.Length; k++)
                    {
                        args[k] = Evaluate(c.Arguments[k]);
                    }

                    if (args.Length != c.Function.Arity)
                    {
                        int expected = c.Function.IsMethod ? c.Function.Arity - 1 : c.Function.Arity;
                        int given = c.Function.IsMethod ? args.Length - 1 : args.Length;
                        throw new EvaluationException($"call to `{c.Function.Name}` takes {expected} argument(s), got {given}");
                    }

                    return c.Function.Invoke(args);
                }

            case ExprKind.Set:
                {
                    var s = (SetExpr)expr;
                    var items = new CedarValue[s.Elements.Length];
                    for (int k = 0; k < items.Length; k++)
                    {
                        items[k] = Evaluate(s.Elements[k]);
                    }

                    return SetValue.FromArray(items);
                }

            default:
                {
                    var r = (RecordExpr)expr;
                    var attributes = new Dictionary<string, CedarValue>(r.Keys.Length, StringComparer.Ordinal);
                    for (int k = 0; k < r.Keys.Length; k++)
                    {
                        attributes[r.Keys[k]] = Evaluate(r.Values[k]);
                    }

                    return RecordValue.Wrap(attributes);
                }
        }
    }

    private static bool AsBool(CedarValue value) =>
        value is BoolValue b ? b.Value : throw EvaluationException.TypeError("bool", value);

    private CedarValue GetAttribute(CedarValue target, string attribute)
    {
        if (target is RecordValue record)
        {
            return record.TryGet(attribute, out var value)
                ? value
                : throw new EvaluationException($"record does not have the attribute `{attribute}`");
        }

        if (target is EntityValue e)
        {
            if (!Entities.TryGet(e.Uid, out var entity))
            {
                throw new EvaluationException($"entity `{e.Uid}` does not exist");
            }

            return entity.Attributes.TryGetValue(attribute, out var value)
                ? value
                : throw new EvaluationException($"`{e.Uid}` does not have the attribute `{attribute}`");
        }

        throw EvaluationException.TypeError("entity or record", target);
    }

    private bool HasAttribute(CedarValue target, string attribute)
    {
        if (target is RecordValue record)
        {
            return record.Has(attribute);
        }

        if (target is EntityValue e)
        {
            return Entities.TryGet(e.Uid, out var entity) && entity.Attributes.ContainsKey(attribute);
        }

        throw EvaluationException.TypeError("entity or record", target);
    }

    private Entity? Find(EntityUid uid) => Entities.TryGet(uid, out var entity) ? entity : null;
}
