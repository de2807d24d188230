namespace Dome.Cedar.Syntax;

/// <summary>`a &amp;&amp; b` (short-circuit), or `a || b` when <see cref="IsOr"/>.</summary>
internal sealed class AndExpr(bool isOr, Expr left, Expr right, SourceSpan span) : Expr(isOr ? ExprKind.Or : ExprKind.And, span, DepthOf(left, right))
{
    public bool IsOr { get; } = isOr;

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;
}
