namespace Dome.Cedar.Json;

/// <summary>A set literal (<c>{"Set": [...]}</c>).</summary>
internal sealed record EstSet(IReadOnlyList<EstExpr> Elements) : EstExpr;
