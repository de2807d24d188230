namespace Dome.Cedar.Syntax;

/// <summary>`!e`, `-e` or `e.isEmpty()`.</summary>
internal sealed class UnaryExpr(UnaryOp op, Expr operand, SourceSpan span) : Expr(ExprKind.Unary, span, DepthOf(operand))
{
    public UnaryOp Op { get; } = op;

    public Expr Operand { get; } = operand;
}
