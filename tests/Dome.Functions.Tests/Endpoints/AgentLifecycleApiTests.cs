using System.Text.Json.Nodes;
using Dome.Core.Registry;
using Dome.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Endpoints;

public sealed class AgentLifecycleApiTests : ServerTestBase
{
    [Fact]
    public async Task Healthz_Returns200()
    {
        var (status, body) = await Api.GetAsync(Server.Client(), "/healthz");
        Assert.Equal((200, "ok"), (status, Api.Str(body, "status")));
    }

    [Fact]
    public async Task Register_ReturnsProvisionedAgentAndKeyOnce_StoresOnlyTheHash()
    {
        using var client = Server.Client(Server.AdminKey);

        var (status, body) = await Api.PostAsync(client, "/v1/admin/agents", Api.Registration("support-triage"));

        Assert.Equal(201, status);
        var agent = body!["agent"]!;
        Assert.Equal(("support-triage", "provisioned", "standard", "oidc"), (Api.Str(agent, "name"), Api.Str(agent, "status"), Api.Str(agent, "tier"), Api.Str(agent, "requireActAs")));
        Assert.Equal(["zendesk"], agent["tools"]!.AsArray().Select(t => t!.GetValue<string>()));
        var apiKey = Api.Str(body, "apiKey");
        Assert.Matches("^dome_ak_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", apiKey);
        Assert.DoesNotContain(apiKey, StoreSnapshot.Take(Server.Database), StringComparison.Ordinal);
        var (_, shown) = await Api.GetAsync(client, "/v1/admin/agents/support-triage");
        Assert.Null(shown!["apiKey"]);
    }

    [Fact]
    public async Task Lifecycle_ActivateSuspendResumeRevoke_EachTransitionRecordedAndProcessed()
    {
        using var client = Server.Client(Server.AdminKey);
        await Api.PostAsync(client, "/v1/admin/agents", Api.Registration("support-triage"));

        foreach (var (verb, expected) in new[] { ("activate", "active"), ("suspend", "suspended"), ("resume", "active"), ("revoke", "revoked") })
        {
            var (status, body) = await Api.PostAsync(client, $"/v1/admin/agents/support-triage/{verb}");
            Assert.Equal((200, expected), (status, Api.Str(body, "status")));
        }

        JsonArray history = [];
        await Api.EventuallyAsync(async () =>
        {
            history = (await Api.GetAsync(client, "/v1/admin/agents/support-triage")).Body!["history"]!.AsArray();
            return history.All(e => e!["processedAt"] is not null);
        }, "the lifecycle function to process every event");
        Assert.Equal(
            ["registered:-:provisioned", "activated:provisioned:active", "suspended:active:suspended", "resumed:suspended:active", "revoked:active:revoked"],
            history.Select(e => $"{Api.Str(e, "event")}:{e!["from"]?.GetValue<string>() ?? "-"}:{Api.Str(e, "to")}"));
    }

    [Theory]
    [InlineData("activate", "activate")]
    [InlineData("revoke", "activate")]
    [InlineData("revoke", "resume")]
    [InlineData("revoke", "revoke")]
    [InlineData(null, "suspend")]
    [InlineData(null, "resume")]
    public async Task Transition_Illegal_Returns409NamingTheStateAndChangesNothing(string? first, string illegal)
    {
        using var client = Server.Client(Server.AdminKey);
        await Api.PostAsync(client, "/v1/admin/agents", Api.Registration("triage"));
        if (first is not null)
        {
            await Api.PostAsync(client, $"/v1/admin/agents/triage/{first}");
        }

        await WaitForQuietAsync();
        var before = StoreSnapshot.Take(Server.Database);
        var state = Api.Str((await Api.GetAsync(client, "/v1/admin/agents/triage")).Body, "status");

        var (status, problem) = await Api.PostAsync(client, $"/v1/admin/agents/triage/{illegal}");

        Assert.Equal(409, status);
        Assert.Equal(("illegal_transition", state), (Api.Str(problem, "code"), Api.Str(problem, "state")));
        Assert.Contains($"it is {state}", Api.Str(problem, "detail"), StringComparison.Ordinal);
        Assert.Equal(before, StoreSnapshot.Take(Server.Database));
    }

    [Fact]
    public async Task RotateKey_IssuesNewKey_OldKeyNoLongerFound()
    {
        using var client = Server.Client(Server.AdminKey);
        var first = Api.Str((await Api.PostAsync(client, "/v1/admin/agents", Api.Registration("triage"))).Body, "apiKey");

        var (status, body) = await Api.PostAsync(client, "/v1/admin/agents/triage/rotate-key");

        Assert.Equal(200, status);
        var second = Api.Str(body, "apiKey");
        Assert.NotEqual(first, second);
        var agents = Server.Services.GetRequiredService<IAgentStore>();
        Assert.True(Core.Security.SecretKey.TryParse(first, "dome_ak", out var oldId));
        Assert.True(Core.Security.SecretKey.TryParse(second, "dome_ak", out var newId));
        Assert.Null(await agents.FindByKeyIdAsync(oldId, Api.Ct));
        var current = await agents.FindByKeyIdAsync(newId, Api.Ct);
        Assert.True(Core.Security.SecretKey.Matches(second, current!.Value.KeyHash));
        Assert.Equal("key-rotated", Api.Str(body!["agent"]!["history"]!.AsArray()[^1], "event"));
    }

    [Fact]
    public async Task Restart_LosesNothing()
    {
        using (var client = Server.Client(Server.AdminKey))
        {
            await Api.PostAsync(client, "/v1/admin/agents", Api.Registration("triage"));
            await Api.PostAsync(client, "/v1/admin/agents/triage/activate");
            await Api.PostAsync(client, "/v1/admin/workspaces", new { name = "ops" });
            await WaitForQuietAsync();
        }

        var adminKey = Server.AdminKey;
        var before = StoreSnapshot.Take(Server.Database);

        await RestartAsync();

        Assert.Equal(adminKey, Server.AdminKey);
        Assert.Equal(before, StoreSnapshot.Take(Server.Database));
        using var again = Server.Client(adminKey);
        var (status, agent) = await Api.GetAsync(again, "/v1/admin/agents/triage");
        Assert.Equal((200, "active", 2), (status, Api.Str(agent, "status"), agent!["history"]!.AsArray().Count));
        var tenants = await Server.Services.GetRequiredService<TenantAdministration>().ListTenantsAsync(Api.Ct);
        Assert.Equal("default", Assert.Single(tenants).Name);
    }
}
