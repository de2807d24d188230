namespace Dome.Cedar.Syntax;

/// <summary>A binary operator or a built-in method taking one argument (`a.contains(b)` has Left `a`, Right `b`).</summary>
internal sealed class BinaryExpr(BinaryOp op, Expr left, Expr right, SourceSpan span) : Expr(ExprKind.Binary, span, DepthOf(left, right))
{
    public BinaryOp Op { get; } = op;

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;
}
