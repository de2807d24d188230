using System.Text.Json;
using Dome.Core.Registry;
using Dome.Gateway.Policy;

namespace Dome.Gateway.Tests.Policy;

/// <summary>Real call facts for policy tests.</summary>
internal static class Calls
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static Agent Agent(AgentTier tier = AgentTier.Standard, string workspace = "default", string id = "agt_1") => new()
    {
        Id = id,
        TenantId = "t1",
        Workspace = workspace,
        Name = "billing-bot",
        Owner = "alice@example.com",
        Tier = tier,
        Status = AgentStatus.Active,
        Capabilities = new Capabilities { Tools = ["zendesk", "stripe"], ModelPools = [], Integrations = [] },
        RequireActAs = ActAsRequirement.None,
        AllowedParents = [],
        KeyId = "k1",
        CreatedAt = Now,
        UpdatedAt = Now,
        Version = 1,
    };

    public static ToolCallFacts Call(string tool = "zendesk/create_ticket", string args = "{}", AgentTier tier = AgentTier.Standard, string risk = "medium", string workspace = "default", string? approvalId = null, UserFacts? user = null) => new()
    {
        TenantId = "t1",
        Agent = Agent(tier, workspace),
        Tool = new ToolFacts { Name = tool, Connection = tool.Split('/')[0], Operation = tool.Split('/')[1], Risk = risk },
        Arguments = JsonDocument.Parse(args).RootElement.Clone(),
        Intent = "test",
        ApprovalId = approvalId,
        User = user,
    };

    public static PolicyDecision Decide(CompiledPolicySet set, ToolCallFacts call, ApprovalGrant? grant = null) =>
        PolicyEvaluator.Evaluate(set, CedarRequestBuilder.Build(call, grant, Now));

    public static CompiledPolicySet Compile(params (string Name, string Text)[] files) =>
        PolicyCompiler.Compile(PolicyBundle.WithBuiltIns(files.ToDictionary(f => f.Name, f => f.Text), null));

    public static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "examples", name));
}
