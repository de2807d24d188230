namespace Dome.Core.Registry;

/// <summary>Where an agent is in its lifecycle. Only <see cref="Active"/> agents get tokens or pass the gateway.</summary>
public enum AgentStatus
{
    Provisioned,
    Active,
    Suspended,
    Revoked,
}
