namespace Dome.Cedar.Syntax;

/// <summary>`{a: x, "b": y}` with at least one non-constant value.</summary>
internal sealed class RecordExpr(string[] keys, Expr[] values, SourceSpan span) : Expr(ExprKind.Record, span, DepthOf(values))
{
    public string[] Keys { get; } = keys;

    public Expr[] Values { get; } = values;
}
