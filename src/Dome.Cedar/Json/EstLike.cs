namespace Dome.Cedar.Json;

/// <summary>A <c>like</c> test (<c>{"like": {"left": ..., "pattern": ["Wildcard", {"Literal": "a"}]}}</c>).</summary>
internal sealed record EstLike(EstExpr Left, IReadOnlyList<EstPatternElement> Pattern) : EstExpr;
