namespace Dome.Cedar.Json;

/// <summary>Attribute access (<c>{".": {"left": ..., "attr": "name"}}</c>).</summary>
internal sealed record EstGetAttribute(EstExpr Left, string Attribute) : EstExpr;
