using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Syntax;

/// <summary>A call of an extension function: `ip("10.0.0.1")`, or a method such as `a.lessThan(b)` (receiver first).</summary>
internal sealed class ExtensionCallExpr(ExtensionFunction function, Expr[] arguments, SourceSpan span) : Expr(ExprKind.ExtensionCall, span, DepthOf(arguments))
{
    public ExtensionFunction Function { get; } = function;

    public Expr[] Arguments { get; } = arguments;
}
