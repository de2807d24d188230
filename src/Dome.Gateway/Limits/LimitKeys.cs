namespace Dome.Gateway.Limits;

/// <summary>
/// Who a call counts against: its tenant, its agent (by name), its customer (a claim of the end user's identity;
/// null when the call has none) and its tool (<c>connection/tool</c>; limits set on the connection count too).
/// </summary>
public readonly record struct LimitKeys(string TenantId, string Agent, string? Customer, string Tool);
