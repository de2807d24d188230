namespace Dome.Cedar.Syntax;

/// <summary>`principal`, `action`, `resource` or `context`.</summary>
internal sealed class VariableExpr(Variable variable, SourceSpan span) : Expr(ExprKind.Variable, span, 1)
{
    public Variable Variable { get; } = variable;
}
