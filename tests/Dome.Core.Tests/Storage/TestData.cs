using Dome.Core.Registry;
using Dome.Core.Security;

namespace Dome.Core.Tests.Storage;

internal static class TestData
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static Tenant Tenant(string name) => new() { Id = "tnt_" + name, Name = name, CreatedAt = Epoch };

    public static Workspace Workspace(string tenantId, string name = "default") => new() { TenantId = tenantId, Name = name, CreatedAt = Epoch };

    public static ManagementKey AdminKey(string tenantId, string keyId) =>
        new() { KeyId = keyId, Hash = SecretKey.HashOf(keyId), Kind = KeyKind.Admin, TenantId = tenantId, CreatedAt = Epoch };

    public static Agent Agent(string tenantId, string name, string workspace = "default") => new()
    {
        Id = $"agt_{tenantId}_{workspace}_{name}",
        TenantId = tenantId,
        Workspace = workspace,
        Name = name,
        Owner = "owner@example.com",
        Tier = AgentTier.Standard,
        Status = AgentStatus.Provisioned,
        Capabilities = new Capabilities { Tools = ["zendesk", "jira/create_issue"], ModelPools = ["premium"], Integrations = ["slack"] },
        RequireActAs = ActAsRequirement.Oidc,
        AllowedParents = ["planner"],
        KeyId = $"key_{tenantId}_{workspace}_{name}",
        CreatedAt = Epoch,
        UpdatedAt = Epoch,
        Version = 1,
    };

    public static AgentEvent Registered(Agent agent) => new()
    {
        Sequence = 1,
        AgentId = agent.Id,
        Kind = AgentEventKind.Registered,
        From = null,
        To = AgentStatus.Provisioned,
        Actor = "admin:test",
        At = Epoch,
    };
}
