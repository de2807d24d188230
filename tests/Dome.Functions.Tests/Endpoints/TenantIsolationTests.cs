using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Endpoints;

/// <summary>A tenant's admin key sees and changes nothing of another tenant, on every admin endpoint.</summary>
public sealed class TenantIsolationTests : ServerTestBase
{
    [Fact]
    public async Task EveryAdminEndpoint_OtherTenantsKey_SeesAndChangesNothingOfThisTenant()
    {
        using var ownerClient = Server.Client(Server.AdminKey);
        await Api.PostAsync(ownerClient, "/v1/admin/agents", Api.Registration("triage"));
        await Api.PostAsync(ownerClient, "/v1/admin/agents/triage/activate");
        await Api.PostAsync(ownerClient, "/v1/admin/workspaces", new { name = "ops" });
        var corp = new { name = "corp", issuer = "https://idp.example.com", jwksUri = "https://idp.example.com/keys", audience = "app" };
        await Api.PostAsync(ownerClient, "/v1/admin/identity-providers", corp);
        using var operatorClient = Server.Client(Server.OperatorKey);
        var other = (await Api.PostAsync(operatorClient, "/v1/operator/tenants", new { name = "other" })).Body;
        using var intruder = Server.Client(Api.Str(other, "adminKey"));
        await WaitForQuietAsync();
        var ownerView = (await Api.GetAsync(ownerClient, "/v1/admin/agents/triage")).Body!.ToJsonString();
        var covered = new HashSet<string>();

        async Task<int> Call(HttpMethod method, string route, string path, object? body = null)
        {
            covered.Add($"{method} {route}");
            return (await Api.SendAsync(intruder, method, path, body)).Status;
        }

        Assert.Equal(404, await Call(HttpMethod.Get, "/v1/admin/agents/{name}", "/v1/admin/agents/triage"));
        Assert.Equal(404, await Call(HttpMethod.Post, "/v1/admin/agents/{name}/{transition}", "/v1/admin/agents/triage/suspend"));
        Assert.Equal(404, await Call(HttpMethod.Post, "/v1/admin/agents/{name}/rotate-key", "/v1/admin/agents/triage/rotate-key"));
        Assert.Equal(404, await Call(HttpMethod.Get, "/v1/admin/agents/{name}", "/v1/admin/agents/triage?workspace=ops"));
        Assert.Equal(200, await Call(HttpMethod.Get, "/v1/admin/agents/", "/v1/admin/agents"));
        Assert.Empty((await Api.GetAsync(intruder, "/v1/admin/agents")).Body!.AsArray());
        Assert.Equal(200, await Call(HttpMethod.Get, "/v1/admin/workspaces/", "/v1/admin/workspaces"));
        Assert.Equal(["default"], (await Api.GetAsync(intruder, "/v1/admin/workspaces")).Body!.AsArray().Select(w => Api.Str(w, "name")));
        Assert.Equal(200, await Call(HttpMethod.Get, "/v1/admin/tenant", "/v1/admin/tenant"));
        Assert.Equal("other", Api.Str((await Api.GetAsync(intruder, "/v1/admin/tenant")).Body, "name"));
        Assert.Equal(200, await Call(HttpMethod.Get, "/v1/admin/identity-providers/", "/v1/admin/identity-providers"));
        Assert.Empty((await Api.GetAsync(intruder, "/v1/admin/identity-providers")).Body!.AsArray());
        Assert.Equal(404, await Call(HttpMethod.Delete, "/v1/admin/identity-providers/{name}", "/v1/admin/identity-providers/corp"));
        Assert.Equal(201, await Call(HttpMethod.Post, "/v1/admin/identity-providers/", "/v1/admin/identity-providers", corp));
        // Policy, approvals, audit: the intruder sees its own tier-only set and no approvals or events of this tenant.
        Assert.Equal(200, await Call(HttpMethod.Get, "/v1/admin/policy/", "/v1/admin/policy"));
        Assert.False((await Api.GetAsync(intruder, "/v1/admin/policy")).Body!["published"]!.GetValue<bool>());
        Assert.Equal(200, await Call(HttpMethod.Get, "/v1/admin/policy/settings", "/v1/admin/policy/settings"));
        Assert.Equal(200, await Call(HttpMethod.Get, "/v1/admin/approvals/", "/v1/admin/approvals"));
        Assert.Equal(404, await Call(HttpMethod.Get, "/v1/admin/approvals/{id}", "/v1/admin/approvals/apr_aaaaaaaaaaaaaaaaaaaaaaaaaa"));
        Assert.Equal(404, await Call(HttpMethod.Post, "/v1/admin/approvals/{id}/{decision}", "/v1/admin/approvals/apr_aaaaaaaaaaaaaaaaaaaaaaaaaa/approve"));
        Assert.Equal(400, await Call(HttpMethod.Post, "/v1/admin/policy/", "/v1/admin/policy", new { files = new Dictionary<string, string>() }));
        Assert.Equal(400, await Call(HttpMethod.Post, "/v1/admin/policy/settings", "/v1/admin/policy/settings", new { judgeTimeoutMs = 0 }));
        // Limits: LimitsApiTests checks these routes in depth; here they only count as covered.
        Assert.Equal(404, await Call(HttpMethod.Get, "/v1/admin/limits/{scope}/{**name}", "/v1/admin/limits/agent/triage"));
        Assert.Equal(404, await Call(HttpMethod.Delete, "/v1/admin/limits/{scope}/{**name}", "/v1/admin/limits/agent/triage"));
        Assert.Equal(200, await Call(HttpMethod.Get, "/v1/admin/limits/", "/v1/admin/limits"));
        Assert.Equal(200, await Call(HttpMethod.Put, "/v1/admin/limits/{scope}/{**name}", "/v1/admin/limits/agent/other-agent", new { rps = 1 }));
        // Creating under the same names lands in the intruder's own tenant and leaves this one alone.
        Assert.Equal(201, await Call(HttpMethod.Post, "/v1/admin/agents/", "/v1/admin/agents", Api.Registration("triage")));
        Assert.Equal(201, await Call(HttpMethod.Post, "/v1/admin/workspaces/", "/v1/admin/workspaces", new { name = "ops" }));
        Assert.Equal(200, (await Api.PostAsync(intruder, "/v1/admin/agents/triage/revoke")).Status);
        await WaitForQuietAsync();

        Assert.Equal(ownerView, (await Api.GetAsync(ownerClient, "/v1/admin/agents/triage")).Body!.ToJsonString());
        Assert.Equal(["default", "ops"], (await Api.GetAsync(ownerClient, "/v1/admin/workspaces")).Body!.AsArray().Select(w => Api.Str(w, "name")));
        Assert.Equal("default", Api.Str((await Api.GetAsync(ownerClient, "/v1/admin/tenant")).Body, "name"));
        Assert.Equal(["corp"], (await Api.GetAsync(ownerClient, "/v1/admin/identity-providers")).Body!.AsArray().Select(p => Api.Str(p, "name")));
        var adminRoutes = Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/v1/admin", StringComparison.Ordinal))
            .Where(e => !Catalog.CatalogTenantIsolationTests.RoutePrefixes.Any(p => e.RoutePattern.RawText!.StartsWith(p, StringComparison.Ordinal)))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        Assert.Empty(adminRoutes.Except(covered));
    }

    [Fact]
    public async Task KeysOfTheWrongKind_AreRefused()
    {
        using var admin = Server.Client(Server.AdminKey);
        using var operatorClient = Server.Client(Server.OperatorKey);

        var (adminOnOperator, problem) = await Api.PostAsync(admin, "/v1/operator/tenants", new { name = "x" });
        var (operatorOnAdmin, _) = await Api.GetAsync(operatorClient, "/v1/admin/agents");

        Assert.Equal((403, 403), (adminOnOperator, operatorOnAdmin));
        Assert.Contains("needs the operator key", Api.Str(problem, "detail"), StringComparison.Ordinal);
        Assert.Equal(["default"], (await Api.GetAsync(operatorClient, "/v1/operator/tenants")).Body!.AsArray().Select(t => Api.Str(t, "name")));
    }
}
