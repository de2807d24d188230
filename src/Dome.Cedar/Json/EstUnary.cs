namespace Dome.Cedar.Json;

/// <summary>A one-argument operator: <c>!</c>, <c>neg</c> or <c>isEmpty</c> (<c>{"op": {"arg": ...}}</c>).</summary>
internal sealed record EstUnary(string Op, EstExpr Arg) : EstExpr
{
    /// <summary>The operator keys of this shape.</summary>
    public static readonly IReadOnlyList<string> Ops = ["!", "neg", "isEmpty"];
}
