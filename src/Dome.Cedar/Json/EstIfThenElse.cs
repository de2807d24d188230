namespace Dome.Cedar.Json;

/// <summary>A conditional (<c>{"if-then-else": {"if": ..., "then": ..., "else": ...}}</c>).</summary>
internal sealed record EstIfThenElse(EstExpr If, EstExpr Then, EstExpr Else) : EstExpr;
