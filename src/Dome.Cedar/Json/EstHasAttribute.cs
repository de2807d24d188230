namespace Dome.Cedar.Json;

/// <summary>
/// A <c>has</c> test (<c>{"has": {"left": ..., "attr": "a"}}</c>, or with a path
/// <c>"attr": ["a", "b"]</c> for <c>has a.b</c>).
/// </summary>
internal sealed record EstHasAttribute(EstExpr Left, IReadOnlyList<string> Path) : EstExpr;
