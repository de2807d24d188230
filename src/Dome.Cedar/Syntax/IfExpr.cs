namespace Dome.Cedar.Syntax;

/// <summary>`if c then a else b`.</summary>
internal sealed class IfExpr(Expr condition, Expr then, Expr otherwise, SourceSpan span) : Expr(ExprKind.If, span, DepthOf(condition, then, otherwise))
{
    public Expr Condition { get; } = condition;

    public Expr Then { get; } = then;

    public Expr Else { get; } = otherwise;
}
