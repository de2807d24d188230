using Dome.Core.Errors;

namespace Dome.Core.Registry;

/// <summary>Checks a registration request completely before anything is stored.</summary>
internal static class AgentRegistrationValidator
{
    private const int MaxListLength = 256;

    /// <summary>An agent built from the request; identity, key and times are left for the caller to fill.</summary>
    public static Agent Validate(AgentRegistration request, string workspace)
    {
        Require(Names.TryValidate(request.Name, "agent name", out var problem), problem);
        Require(Names.TryValidate(workspace, "workspace name", out problem), problem);
        Require(!string.IsNullOrWhiteSpace(request.Owner), "owner is required (who is accountable for this agent, e.g. an email or a team)");
        Require(request.Owner!.Length <= 256, "owner is longer than 256 characters");
        Require(request.Tier is not null, "tier is required: one of `restricted`, `standard`, `privileged`");
        Require(WireNames.TryParseTier(request.Tier, out var tier), $"unknown tier `{request.Tier}`: use `restricted`, `standard` or `privileged`");
        var actAs = ActAsRequirement.None;
        Require(request.RequireActAs is null || WireNames.TryParseActAs(request.RequireActAs, out actAs), $"unknown requireActAs `{request.RequireActAs}`: use `none` or `oidc`");

        var tools = List(request.Tools, "tools");
        foreach (var tool in tools)
        {
            Require(Names.TryValidateTool(tool, out problem), problem);
        }

        var pools = NamedList(request.ModelPools, "modelPools", "model pool");
        var integrations = NamedList(request.Integrations, "integrations", "integration");
        var parents = NamedList(request.AllowedParents, "allowedParents", "allowed parent agent");
        Require(!parents.Contains(request.Name!), $"agent `{request.Name}` cannot be its own parent");

        return new Agent
        {
            Id = string.Empty,
            TenantId = string.Empty,
            Workspace = workspace,
            Name = request.Name!,
            Owner = request.Owner.Trim(),
            Tier = tier,
            Status = AgentStatus.Provisioned,
            Capabilities = new Capabilities { Tools = tools, ModelPools = pools, Integrations = integrations },
            RequireActAs = actAs,
            AllowedParents = parents,
            KeyId = string.Empty,
            CreatedAt = default,
            UpdatedAt = default,
            Version = 1,
        };
    }

    private static string[] NamedList(IReadOnlyList<string>? values, string field, string what)
    {
        var list = List(values, field);
        foreach (var value in list)
        {
            Require(Names.TryValidate(value, what, out var problem), problem);
        }

        return list;
    }

    private static string[] List(IReadOnlyList<string>? values, string field)
    {
        if (values is null)
        {
            return [];
        }

        Require(values.Count <= MaxListLength, $"{field} has {values.Count} entries; at most {MaxListLength} are allowed");
        return values.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static void Require(bool condition, string? problem)
    {
        if (!condition)
        {
            throw DomeException.Invalid(problem ?? "the request is invalid");
        }
    }
}
