using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>A template slot (<c>?principal</c> or <c>?resource</c>) in the scope, as the validator sees it.</summary>
internal sealed class SlotExpr(bool isPrincipal, SourceSpan span) : Expr(ExprKind.Variable, span, 1)
{
    public bool IsPrincipal { get; } = isPrincipal;
}
