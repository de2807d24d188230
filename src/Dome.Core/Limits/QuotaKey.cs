namespace Dome.Core.Limits;

/// <summary>One daily quota counter: a tenant's scope and name on one UTC day.</summary>
public readonly record struct QuotaKey(string TenantId, LimitScope Scope, string Name, DateOnly Day);
