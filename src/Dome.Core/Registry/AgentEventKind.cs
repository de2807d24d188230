namespace Dome.Core.Registry;

/// <summary>What happened to an agent. Every change to an agent is one appended event.</summary>
public enum AgentEventKind
{
    Registered,
    Activated,
    Suspended,
    Resumed,
    Revoked,
    KeyRotated,
}
