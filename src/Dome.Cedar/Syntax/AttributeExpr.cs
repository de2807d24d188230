namespace Dome.Cedar.Syntax;

/// <summary>`e.attr` / `e["attr"]`, or `e has attr` when the kind is <see cref="ExprKind.HasAttribute"/>.</summary>
internal sealed class AttributeExpr(ExprKind kind, Expr target, string attribute, SourceSpan span) : Expr(kind, span, DepthOf(target))
{
    public Expr Target { get; } = target;

    public string Attribute { get; } = attribute;
}
