namespace Dome.Cedar.Syntax;

/// <summary>`[a, b, c]` with at least one non-constant element.</summary>
internal sealed class SetExpr(Expr[] elements, SourceSpan span) : Expr(ExprKind.Set, span, DepthOf(elements))
{
    public Expr[] Elements { get; } = elements;
}
