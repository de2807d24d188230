using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Syntax;

/// <summary>
/// A constant: a literal, an entity uid, or a set/record folded at parse time; or the result of an extension call with
/// constant arguments, computed at parse time, which keeps the call it came from in <see cref="FoldedCall"/>.
/// </summary>
internal sealed class LiteralExpr(CedarValue value, SourceSpan span, ExtensionCallExpr? foldedCall = null) : Expr(ExprKind.Literal, span, 1)
{
    public CedarValue Value { get; } = value;

    /// <summary>The extension call computed into <see cref="Value"/> at parse time; null for a constant written as such.</summary>
    public ExtensionCallExpr? FoldedCall { get; } = foldedCall;
}
