using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Endpoints.Catalog;

/// <summary>A tenant's admin key sees and changes nothing of another tenant's connections, tools or secrets, on every catalog route.</summary>
public sealed class CatalogTenantIsolationTests : ServerTestBase
{
    /// <summary>The routes this test covers; the general isolation test leaves them to it.</summary>
    public static readonly string[] RoutePrefixes = ["/v1/admin/connections", "/v1/admin/tools", "/v1/admin/secrets"];

    [Fact]
    public async Task EveryCatalogRoute_OtherTenantsKey_SeesAndChangesNothingOfThisTenant()
    {
        using var owner = Server.Client(Server.AdminKey);
        await Api.PostAsync(owner, "/v1/admin/connections", CatalogSamples.Connection());
        await Api.PostAsync(owner, "/v1/admin/tools", CatalogSamples.Tool());
        await Api.SendAsync(owner, HttpMethod.Put, "/v1/admin/secrets/zd-token", new { value = "owner-secret-value" });
        using var operatorClient = Server.Client(Server.OperatorKey);
        var other = (await Api.PostAsync(operatorClient, "/v1/operator/tenants", new { name = "other" })).Body;
        using var intruder = Server.Client(Api.Str(other, "adminKey"));
        await WaitForQuietAsync();
        var before = StoreSnapshot.Take(Server.Database);
        var covered = new HashSet<string>();

        async Task<(int Status, string Body)> Call(HttpMethod method, string route, string path, object? body = null)
        {
            covered.Add($"{method} {route}");
            var (status, json) = await Api.SendAsync(intruder, method, path, body);
            return (status, json?.ToJsonString() ?? string.Empty);
        }

        Assert.Equal(404, (await Call(HttpMethod.Get, "/v1/admin/connections/{name}", "/v1/admin/connections/zendesk")).Status);
        Assert.Equal(404, (await Call(HttpMethod.Put, "/v1/admin/connections/{name}", "/v1/admin/connections/zendesk", new { baseUrl = "https://evil.example.com" })).Status);
        Assert.Equal(404, (await Call(HttpMethod.Delete, "/v1/admin/connections/{name}", "/v1/admin/connections/zendesk")).Status);
        Assert.Equal(404, (await Call(HttpMethod.Post, "/v1/admin/connections/{name}/import-openapi", "/v1/admin/connections/zendesk/import-openapi", CatalogSamples.OpenApi)).Status);
        Assert.Equal("[]", (await Call(HttpMethod.Get, "/v1/admin/connections/", "/v1/admin/connections")).Body);
        Assert.Equal(404, (await Call(HttpMethod.Post, "/v1/admin/tools/", "/v1/admin/tools", CatalogSamples.Tool("zendesk/evil"))).Status);
        Assert.Equal("[]", (await Call(HttpMethod.Get, "/v1/admin/tools/", "/v1/admin/tools")).Body);
        Assert.Equal("[]", (await Call(HttpMethod.Get, "/v1/admin/tools/", "/v1/admin/tools?connection=zendesk")).Body);
        Assert.Equal(404, (await Call(HttpMethod.Get, "/v1/admin/tools/{connection}/{name}", "/v1/admin/tools/zendesk/create_ticket")).Status);
        Assert.Equal(404, (await Call(HttpMethod.Delete, "/v1/admin/tools/{connection}/{name}", "/v1/admin/tools/zendesk/create_ticket")).Status);
        Assert.Equal("[]", (await Call(HttpMethod.Get, "/v1/admin/secrets/", "/v1/admin/secrets")).Body);
        Assert.Equal(404, (await Call(HttpMethod.Delete, "/v1/admin/secrets/{name}", "/v1/admin/secrets/zd-token")).Status);
        Assert.Equal(before, StoreSnapshot.Take(Server.Database));

        // The same names, created by the intruder, land in its own tenant and leave this one alone.
        Assert.Equal(201, (await Call(HttpMethod.Post, "/v1/admin/connections/", "/v1/admin/connections", CatalogSamples.Connection())).Status);
        Assert.Equal(201, (await Call(HttpMethod.Put, "/v1/admin/secrets/{name}", "/v1/admin/secrets/zd-token", new { value = "intruder-value" })).Status);
        Assert.Equal(201, (await Api.PostAsync(intruder, "/v1/admin/tools", CatalogSamples.Tool("zendesk/evil"))).Status);

        Assert.Equal("https://example.zendesk.com/", Api.Str((await Api.GetAsync(owner, "/v1/admin/connections/zendesk")).Body, "baseUrl"));
        Assert.Equal(["zendesk/create_ticket"], (await Api.GetAsync(owner, "/v1/admin/tools")).Body!.AsArray().Select(t => Api.Str(t, "tool")));
        Assert.Equal(["zendesk/evil"], (await Api.GetAsync(intruder, "/v1/admin/tools")).Body!.AsArray().Select(t => Api.Str(t, "tool")));
        var tenants = Server.Services.GetRequiredService<Dome.Core.Storage.ITenantStore>();
        var ownerId = (await tenants.FindTenantByNameAsync("default", Api.Ct))!.Id;
        var secrets = Server.Services.GetRequiredService<Dome.Core.Secrets.ISecretStore>();
        Assert.Equal("owner-secret-value", (await secrets.GetAsync(ownerId, "zd-token", Api.Ct))!.Reveal());

        var catalogRoutes = Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => RoutePrefixes.Any(p => e.RoutePattern.RawText!.StartsWith(p, StringComparison.Ordinal)))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        Assert.NotEmpty(catalogRoutes);
        Assert.Empty(catalogRoutes.Except(covered));
    }
}
