namespace Dome.Cedar.Syntax;

/// <summary>`e is Type` (`e is Type in x` is parsed as `e is Type &amp;&amp; e in x`).</summary>
internal sealed class IsExpr(Expr target, string entityType, SourceSpan span) : Expr(ExprKind.Is, span, DepthOf(target))
{
    public Expr Target { get; } = target;

    public string EntityType { get; } = entityType;
}
