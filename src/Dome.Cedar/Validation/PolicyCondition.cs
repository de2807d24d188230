using Dome.Cedar.Evaluation;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>
/// Builds the expression the typechecker checks for a policy: its scope constraints and conditions joined with
/// `&amp;&amp;` (conditions nested to the right) (`principal in G` becomes `principal in G`, `unless {c}` becomes `!c`, no condition becomes `true`).
/// </summary>
internal static class PolicyCondition
{
    public static Expr Build(Policy policy)
    {
        var span = policy.Span;
        var principal = Scope(policy.Principal, Variable.Principal, span);
        var action = Scope(policy.Action, Variable.Action, span);
        var resource = Scope(policy.Resource, Variable.Resource, span);
        // The conditions nest to the right, as the reference builds them: `a && (b && c)`. It matters when a clause
        // fails to typecheck: `(a && b) && false` is `false` (an impossible policy) even when `b` fails, `a && (b && false)` is not.
        Expr? body = null;
        foreach (var condition in Enumerable.Reverse(policy.Conditions))
        {
            var part = condition.IsUnless ? new UnaryExpr(UnaryOp.Not, condition.Body, condition.Body.Span) : condition.Body;
            body = body is null ? part : new AndExpr(false, part, body, span);
        }

        body ??= True(span);
        return new AndExpr(false, new AndExpr(false, new AndExpr(false, principal, action, span), resource, span), body, span);
    }

    private static Expr Scope(ScopeConstraint scope, Variable variable, SourceSpan span)
    {
        var var = new VariableExpr(variable, span);
        Expr Target() => scope.Slot is not null
            ? new SlotExpr(variable == Variable.Principal, span)
            : new LiteralExpr(new EntityValue(scope.Entity!), span);
        return scope.Kind switch
        {
            ScopeKind.Any => True(span),
            ScopeKind.Equal => new BinaryExpr(BinaryOp.Equal, var, Target(), span),
            ScopeKind.In => new BinaryExpr(BinaryOp.In, var, Target(), span),
            ScopeKind.Is => new IsExpr(var, scope.EntityType!, span),
            ScopeKind.IsIn => new AndExpr(false, new IsExpr(var, scope.EntityType!, span), new BinaryExpr(BinaryOp.In, var, Target(), span), span),
            _ => new BinaryExpr(BinaryOp.In, var, new LiteralExpr(SetValue.Of(scope.Entities!.Select(e => new EntityValue(e))), span), span),
        };
    }

    /// <summary>A `true` literal (its span is the length of the text `true`, so it is not mistaken for a computed call).</summary>
    private static LiteralExpr True(SourceSpan span) => new(BoolValue.True, span with { Length = 4 });
}
