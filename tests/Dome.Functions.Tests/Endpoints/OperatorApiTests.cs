namespace Dome.Functions.Tests.Endpoints;

public sealed class OperatorApiTests : ServerTestBase
{
    [Fact]
    public async Task CreateTenant_ReturnsAdminKeyOnce_KeyAdministersOnlyThatTenant()
    {
        using var operatorClient = Server.Client(Server.OperatorKey);

        var (status, tenant) = await Api.PostAsync(operatorClient, "/v1/operator/tenants", new { name = "acme" });

        Assert.Equal(201, status);
        var key = Api.Str(tenant, "adminKey");
        Assert.StartsWith("dome_adm_", key, StringComparison.Ordinal);
        var listed = (await Api.GetAsync(operatorClient, "/v1/operator/tenants")).Body!.AsArray();
        Assert.Equal(["acme", "default"], listed.Select(t => Api.Str(t, "name")));
        Assert.All(listed, t => Assert.Null(t!["adminKey"]));
        using var acme = Server.Client(key);
        Assert.Equal("acme", Api.Str((await Api.GetAsync(acme, "/v1/admin/tenant")).Body, "name"));
    }

    [Fact]
    public async Task CreateTenant_DuplicateOrInvalidName_Refused()
    {
        using var operatorClient = Server.Client(Server.OperatorKey);
        await Api.PostAsync(operatorClient, "/v1/operator/tenants", new { name = "acme" });
        var before = StoreSnapshot.Take(Server.Database);

        var (duplicate, _) = await Api.PostAsync(operatorClient, "/v1/operator/tenants", new { name = "acme" });
        var (invalid, problem) = await Api.PostAsync(operatorClient, "/v1/operator/tenants", new { name = "Bad Name" });

        Assert.Equal((409, 400), (duplicate, invalid));
        Assert.Contains("tenant name `Bad Name`", Api.Str(problem, "detail"), StringComparison.Ordinal);
        Assert.Equal(before, StoreSnapshot.Take(Server.Database));
    }

    [Fact]
    public async Task Workspaces_CreatedByOperatorForATenant_AndAnotherAdminKey()
    {
        using var operatorClient = Server.Client(Server.OperatorKey);
        await Api.PostAsync(operatorClient, "/v1/operator/tenants", new { name = "acme" });

        var (created, _) = await Api.PostAsync(operatorClient, "/v1/operator/tenants/acme/workspaces", new { name = "support" });
        var (missing, _) = await Api.PostAsync(operatorClient, "/v1/operator/tenants/ghost/workspaces", new { name = "support" });
        var (keyStatus, keyBody) = await Api.PostAsync(operatorClient, "/v1/operator/tenants/acme/admin-keys");

        Assert.Equal((201, 404, 201), (created, missing, keyStatus));
        using var acme = Server.Client(Api.Str(keyBody, "adminKey"));
        Assert.Equal(["default", "support"], (await Api.GetAsync(acme, "/v1/admin/workspaces")).Body!.AsArray().Select(w => Api.Str(w, "name")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void KeyFiles_AreReadableByTheOwnerOnly()
    {
        foreach (var file in new[] { "admin.key", "operator.key" })
        {
            var mode = File.GetUnixFileMode(Path.Combine(DataDir, file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        }
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheAdminApi()
    {
        var (status, document) = await Api.GetAsync(Server.Client(), "/openapi/v1.json");

        Assert.Equal(200, status);
        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.Contains("/v1/admin/agents", paths);
        Assert.Contains("/v1/admin/agents/{name}/{transition}", paths);
        Assert.Contains("/v1/operator/tenants", paths);
        Assert.DoesNotContain("/lifecycle", paths);
    }
}
