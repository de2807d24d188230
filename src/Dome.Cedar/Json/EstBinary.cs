namespace Dome.Cedar.Json;

/// <summary>A two-argument operator (<c>{"op": {"left": ..., "right": ...}}</c>), including the
/// method-style <c>contains</c>, <c>containsAll</c>, <c>containsAny</c>, <c>getTag</c>, <c>hasTag</c>.</summary>
internal sealed record EstBinary(string Op, EstExpr Left, EstExpr Right) : EstExpr
{
    /// <summary>The operator keys of this shape.</summary>
    public static readonly IReadOnlyList<string> Ops =
    [
        "==", "!=", "in", "<", "<=", ">", ">=", "&&", "||", "+", "-", "*",
        "contains", "containsAll", "containsAny", "getTag", "hasTag",
    ];
}
