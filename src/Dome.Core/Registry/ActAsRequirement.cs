namespace Dome.Core.Registry;

/// <summary>Whether an agent must act as a verified end user.</summary>
public enum ActAsRequirement
{
    None,
    Oidc,
}
