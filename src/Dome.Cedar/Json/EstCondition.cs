namespace Dome.Cedar.Json;

/// <summary>A <c>when</c> (or, with <see cref="IsWhen"/> false, <c>unless</c>) clause.</summary>
internal sealed record EstCondition(bool IsWhen, EstExpr Body);
