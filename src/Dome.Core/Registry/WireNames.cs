namespace Dome.Core.Registry;

/// <summary>The lowercase names the API, the CLI and stored records use for the registry's enums.</summary>
public static class WireNames
{
    public static string Of(AgentTier tier) => tier switch
    {
        AgentTier.Restricted => "restricted",
        AgentTier.Standard => "standard",
        AgentTier.Privileged => "privileged",
        _ => throw new ArgumentOutOfRangeException(nameof(tier)),
    };

    public static string Of(AgentStatus status) => status switch
    {
        AgentStatus.Provisioned => "provisioned",
        AgentStatus.Active => "active",
        AgentStatus.Suspended => "suspended",
        AgentStatus.Revoked => "revoked",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(ActAsRequirement requirement) => requirement switch
    {
        ActAsRequirement.None => "none",
        ActAsRequirement.Oidc => "oidc",
        _ => throw new ArgumentOutOfRangeException(nameof(requirement)),
    };

    public static bool TryParseTier(string? text, out AgentTier tier)
    {
        switch (text)
        {
            case "restricted": tier = AgentTier.Restricted; return true;
            case "standard": tier = AgentTier.Standard; return true;
            case "privileged": tier = AgentTier.Privileged; return true;
            default: tier = default; return false;
        }
    }

    public static bool TryParseStatus(string? text, out AgentStatus status)
    {
        switch (text)
        {
            case "provisioned": status = AgentStatus.Provisioned; return true;
            case "active": status = AgentStatus.Active; return true;
            case "suspended": status = AgentStatus.Suspended; return true;
            case "revoked": status = AgentStatus.Revoked; return true;
            default: status = default; return false;
        }
    }

    public static bool TryParseActAs(string? text, out ActAsRequirement requirement)
    {
        switch (text)
        {
            case "none": requirement = ActAsRequirement.None; return true;
            case "oidc": requirement = ActAsRequirement.Oidc; return true;
            default: requirement = default; return false;
        }
    }
}
