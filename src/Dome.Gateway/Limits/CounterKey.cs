using Dome.Core.Limits;

namespace Dome.Gateway.Limits;

/// <summary>The counters one limit keeps: per tenant, scope and counted name (the agent, customer, tool or connection).</summary>
internal readonly record struct CounterKey(string TenantId, LimitScope Scope, string Name);
