namespace Dome.Core.Registry;

/// <summary>An agent's trust tier; each tier has its own default policy bundle.</summary>
public enum AgentTier
{
    Restricted,
    Standard,
    Privileged,
}
