namespace Dome.Cedar.Syntax;

/// <summary>`e like "pat*tern"`.</summary>
internal sealed class LikeExpr(Expr target, LikePattern pattern, SourceSpan span) : Expr(ExprKind.Like, span, DepthOf(target))
{
    public Expr Target { get; } = target;

    public LikePattern Pattern { get; } = pattern;
}
