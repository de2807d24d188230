namespace Dome.Cedar.Json;

/// <summary>An <c>is</c> test, optionally with <c>in</c> (<c>{"is": {"left": ..., "entity_type": "T", "in": ...}}</c>).</summary>
internal sealed record EstIs(EstExpr Left, string EntityType, EstExpr? In) : EstExpr;
