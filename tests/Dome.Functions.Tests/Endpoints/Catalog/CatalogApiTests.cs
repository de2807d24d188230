using System.Net.Http.Headers;
using System.Text;
using Dome.Core.Secrets;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Endpoints.Catalog;

/// <summary>The catalog and secrets admin API on a real server: the happy paths and what they store.</summary>
public sealed class CatalogApiTests : ServerTestBase
{
    [Fact]
    public async Task Connection_AddShowReplaceRemove_RoundTrips()
    {
        using var client = Server.Client(Server.AdminKey);

        var (created, connection) = await Api.PostAsync(client, "/v1/admin/connections", CatalogSamples.Connection());
        var (replaced, after) = await Api.SendAsync(client, HttpMethod.Put, "/v1/admin/connections/zendesk", new
        {
            baseUrl = "https://new.example.com/base/",
            auth = new { kind = "oauth2-client-credentials", secret = "zd-client", tokenUrl = "https://login.example.com/token", scope = "tickets" },
        });

        Assert.Equal(201, created);
        Assert.Equal(("bearer", "zd-token", "$.customer.ssn"), (Api.Str(connection!["auth"], "kind"), Api.Str(connection["auth"], "secret"), connection["outputRules"]!["redact"]![0]!.GetValue<string>()));
        Assert.Equal(200, replaced);
        Assert.Equal(("oauth2-client-credentials", "https://login.example.com/token", "tickets"), (Api.Str(after!["auth"], "kind"), Api.Str(after["auth"], "tokenUrl"), Api.Str(after["auth"], "scope")));
        Assert.Equal("https://new.example.com/base/", Api.Str((await Api.GetAsync(client, "/v1/admin/connections/zendesk")).Body, "baseUrl"));
        Assert.Single((await Api.GetAsync(client, "/v1/admin/connections")).Body!.AsArray());
        Assert.Equal(204, (await Api.SendAsync(client, HttpMethod.Delete, "/v1/admin/connections/zendesk")).Status);
        Assert.Equal(404, (await Api.GetAsync(client, "/v1/admin/connections/zendesk")).Status);
    }

    [Fact]
    public async Task Tool_AddListShowRemove_RoundTrips()
    {
        using var client = Server.Client(Server.AdminKey);
        await Api.PostAsync(client, "/v1/admin/connections", CatalogSamples.Connection());

        var (created, tool) = await Api.PostAsync(client, "/v1/admin/tools", CatalogSamples.Tool());

        Assert.Equal(201, created);
        Assert.Equal(("zendesk/create_ticket", "POST", "subject"), (Api.Str(tool, "tool"), Api.Str(tool, "method"), tool!["inputSchema"]!["required"]![0]!.GetValue<string>()));
        Assert.Equal(["zendesk/create_ticket"], (await Api.GetAsync(client, "/v1/admin/tools?connection=zendesk")).Body!.AsArray().Select(t => Api.Str(t, "tool")));
        Assert.Equal("Create a ticket", Api.Str((await Api.GetAsync(client, "/v1/admin/tools/zendesk/create_ticket")).Body, "description"));
        Assert.Equal(204, (await Api.SendAsync(client, HttpMethod.Delete, "/v1/admin/tools/zendesk/create_ticket")).Status);
        Assert.Empty((await Api.GetAsync(client, "/v1/admin/tools")).Body!.AsArray());
    }

    [Fact]
    public async Task ImportOpenApi_CreatesOneToolPerOperation_ReimportUpdates_IncludePicks()
    {
        using var client = Server.Client(Server.AdminKey);
        await Api.PostAsync(client, "/v1/admin/connections", CatalogSamples.Connection());

        var (status, first) = await Api.PostAsync(client, "/v1/admin/connections/zendesk/import-openapi", CatalogSamples.OpenApi);
        var (_, again) = await Api.PostAsync(client, "/v1/admin/connections/zendesk/import-openapi?include=createTicket", CatalogSamples.OpenApi);

        Assert.Equal(200, status);
        Assert.Equal((2, 0), (first!["created"]!.GetValue<int>(), first["updated"]!.GetValue<int>()));
        Assert.Equal((0, 1), (again!["created"]!.GetValue<int>(), again["updated"]!.GetValue<int>()));
        Assert.Equal(["zendesk/create_ticket", "zendesk/list_tickets"], (await Api.GetAsync(client, "/v1/admin/tools")).Body!.AsArray().Select(t => Api.Str(t, "tool")));
    }

    [Fact]
    public async Task Secret_Set_AnswersWithoutValue_StoresItEncrypted_ReplaceAndRemove()
    {
        const string value = "zd-VERY-secret-token-123";
        using var client = Server.Client(Server.AdminKey);

        using var request = new HttpRequestMessage(HttpMethod.Put, "/v1/admin/secrets/zd-token") { Content = new StringContent($$"""{"value":"{{value}}"}""", Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request, Api.Ct);
        var text = await response.Content.ReadAsStringAsync(Api.Ct);
        var (replaced, _) = await Api.SendAsync(client, HttpMethod.Put, "/v1/admin/secrets/zd-token", new { value = value + "-2" });

        Assert.Equal(201, (int)response.StatusCode);
        Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        Assert.Equal(200, replaced);
        Assert.DoesNotContain(value, StoreSnapshot.Take(Server.Database), StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Logs.Entries, e => (e.Message + e.Exception).Contains(value, StringComparison.Ordinal));
        var tenantId = (await Server.Services.GetRequiredService<Dome.Core.Storage.ITenantStore>().FindTenantByNameAsync("default", Api.Ct))!.Id;
        var stored = await Server.Services.GetRequiredService<ISecretStore>().GetAsync(tenantId, "zd-token", Api.Ct);
        Assert.Equal(value + "-2", stored!.Reveal());
        var listed = (await Api.GetAsync(client, "/v1/admin/secrets")).Body!.ToJsonString();
        Assert.Contains("zd-token", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(value, listed, StringComparison.Ordinal);
        Assert.Equal(204, (await Api.SendAsync(client, HttpMethod.Delete, "/v1/admin/secrets/zd-token")).Status);
        Assert.Null(await Server.Services.GetRequiredService<ISecretStore>().GetAsync(tenantId, "zd-token", Api.Ct));
    }

    [Fact]
    public async Task Secret_SurvivesRestart_WithTheKeyRingInTheDataDir()
    {
        using (var client = Server.Client(Server.AdminKey))
        {
            Assert.Equal(201, (await Api.SendAsync(client, HttpMethod.Put, "/v1/admin/secrets/zd", new { value = "kept-across-restarts" })).Status);
        }

        await RestartAsync();

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(DataDir, "key-ring"), "key-*.xml"));
        var tenantId = (await Server.Services.GetRequiredService<Dome.Core.Storage.ITenantStore>().FindTenantByNameAsync("default", Api.Ct))!.Id;
        Assert.Equal("kept-across-restarts", (await Server.Services.GetRequiredService<ISecretStore>().GetAsync(tenantId, "zd", Api.Ct))!.Reveal());
    }

    [Fact]
    public async Task CatalogRoutes_WithoutAdminKey_Are401()
    {
        using var anonymous = Server.Client();
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "dome_adm_nope");

        Assert.Equal(401, (await Api.GetAsync(anonymous, "/v1/admin/connections")).Status);
        Assert.Equal(401, (await Api.SendAsync(anonymous, HttpMethod.Put, "/v1/admin/secrets/x", new { value = "v" })).Status);
    }
}
