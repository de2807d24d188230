namespace Dome.Core.Limits;

/// <summary>What a limit counts calls of: the tenant, one agent, one customer (a claim of the end user) or one tool.</summary>
public enum LimitScope
{
    Tenant,
    Agent,
    Customer,
    Tool,
}
