using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Syntax;

/// <summary>A constant: a literal, an entity uid, or a set/record/extension call folded at parse time.</summary>
internal sealed class LiteralExpr(CedarValue value, SourceSpan span) : Expr(ExprKind.Literal, span, 1)
{
    public CedarValue Value { get; } = value;
}
