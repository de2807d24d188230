using Dome.Core.Catalog;

namespace Dome.Core.Tests.Storage;

/// <summary>What every <see cref="Core.Storage.ICatalogStore"/> must do. Each adapter inherits this once.</summary>
public abstract class CatalogStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<CatalogStores> CreateStoresAsync();

    [Fact]
    public async Task CreateConnection_RoundTripsEveryField_DuplicateReturnsFalse()
    {
        var stores = await CreateStoresAsync();
        var connection = CatalogData.Connection("tnt_a", "zendesk") with
        {
            Auth = new ConnectionAuth { Kind = AuthKind.OAuth2ClientCredentials, SecretName = "zd", HeaderName = null, TokenUrl = new Uri("https://login.example.com/token"), Scope = "tickets:write" },
        };

        Assert.True(await stores.Catalog.CreateConnectionAsync(connection, Ct));
        Assert.False(await stores.Catalog.CreateConnectionAsync(connection with { BaseUrl = new Uri("https://other.example.com") }, Ct));

        Assert.Equal(connection, await stores.Catalog.FindConnectionAsync("tnt_a", "zendesk", Ct));
    }

    [Fact]
    public async Task Connections_AreScopedToTheirTenant()
    {
        var stores = await CreateStoresAsync();
        await stores.Catalog.CreateConnectionAsync(CatalogData.Connection("tnt_a", "zendesk"), Ct);
        await stores.Catalog.CreateConnectionAsync(CatalogData.Connection("tnt_a", "jira"), Ct);

        Assert.True(await stores.Catalog.CreateConnectionAsync(CatalogData.Connection("tnt_b", "zendesk"), Ct));
        Assert.Equal(["jira", "zendesk"], (await stores.Catalog.ListConnectionsAsync("tnt_a", Ct)).Select(c => c.Name));
        Assert.Null(await stores.Catalog.FindConnectionAsync("tnt_b", "jira", Ct));
        Assert.False(await stores.Catalog.DeleteConnectionAsync("tnt_b", "jira", Ct));
        Assert.False(await stores.Catalog.ReplaceConnectionAsync(CatalogData.Connection("tnt_b", "jira"), Ct));
        Assert.Equal(2, (await stores.Catalog.ListConnectionsAsync("tnt_a", Ct)).Count);
    }

    [Fact]
    public async Task ReplaceConnection_Existing_ReplacesFields_Missing_ReturnsFalse()
    {
        var stores = await CreateStoresAsync();
        var connection = CatalogData.Connection("tnt_a", "zendesk");
        await stores.Catalog.CreateConnectionAsync(connection, Ct);
        var replaced = connection with { BaseUrl = new Uri("https://new.example.com/"), Auth = ConnectionAuth.None, OutputRules = null, UpdatedAt = TestData.Epoch.AddHours(1) };

        Assert.True(await stores.Catalog.ReplaceConnectionAsync(replaced, Ct));
        Assert.False(await stores.Catalog.ReplaceConnectionAsync(CatalogData.Connection("tnt_a", "missing"), Ct));

        Assert.Equal(replaced, await stores.Catalog.FindConnectionAsync("tnt_a", "zendesk", Ct));
    }

    [Fact]
    public async Task CreateTool_RoundTripsEveryField_DuplicateOrMissingConnectionReturnsFalse()
    {
        var stores = await CreateStoresAsync();
        await stores.Catalog.CreateConnectionAsync(CatalogData.Connection("tnt_a", "zendesk"), Ct);
        var tool = CatalogData.Tool("tnt_a", "zendesk", "create_ticket");

        Assert.True(await stores.Catalog.CreateToolAsync(tool, Ct));
        Assert.False(await stores.Catalog.CreateToolAsync(tool, Ct));
        Assert.False(await stores.Catalog.CreateToolAsync(CatalogData.Tool("tnt_a", "jira", "create_issue"), Ct));
        Assert.False(await stores.Catalog.CreateToolAsync(CatalogData.Tool("tnt_b", "zendesk", "create_ticket"), Ct));

        var found = await stores.Catalog.FindToolAsync("tnt_a", "zendesk", "create_ticket", Ct);
        Assert.NotNull(found);
        Assert.Equal(tool with { Parameters = found.Parameters, Tags = found.Tags }, found);
        Assert.Equal(tool.Parameters, found.Parameters);
        Assert.Equal(tool.Tags, found.Tags);
    }

    [Fact]
    public async Task FindEntry_ReturnsToolWithConnection_OnlyInItsTenant()
    {
        var stores = await CreateStoresAsync();
        var connection = CatalogData.Connection("tnt_a", "zendesk");
        await stores.Catalog.CreateConnectionAsync(connection, Ct);
        await stores.Catalog.CreateToolAsync(CatalogData.Tool("tnt_a", "zendesk", "create_ticket"), Ct);

        var entry = await stores.Catalog.FindEntryAsync("tnt_a", "zendesk", "create_ticket", Ct);

        Assert.Equal((connection, "create_ticket"), (entry!.Connection, entry.Tool.Name));
        Assert.Null(await stores.Catalog.FindEntryAsync("tnt_b", "zendesk", "create_ticket", Ct));
        Assert.Null(await stores.Catalog.FindEntryAsync("tnt_a", "zendesk", "delete_ticket", Ct));
    }

    [Fact]
    public async Task PutTools_CreatesAndUpdates_KeepsCreatedAtAndAdminSettings_MissingConnectionReturnsNull()
    {
        var stores = await CreateStoresAsync();
        await stores.Catalog.CreateConnectionAsync(CatalogData.Connection("tnt_a", "zendesk"), Ct);
        var existing = CatalogData.Tool("tnt_a", "zendesk", "create_ticket") with { OutputRules = """{"maxBytes":10}""" };
        await stores.Catalog.CreateToolAsync(existing, Ct);
        var later = TestData.Epoch.AddDays(1);
        var imported = new[]
        {
            existing with { Description = "new text", OutputRules = null, Risk = null, CreatedAt = later, UpdatedAt = later },
            CatalogData.Tool("tnt_a", "zendesk", "list_tickets") with { Method = "GET", CreatedAt = later, UpdatedAt = later },
        };

        var result = await stores.Catalog.PutToolsAsync("tnt_a", "zendesk", imported, Ct);

        Assert.Equal((1, 1), (result!.Created, result.Updated));
        var updated = await stores.Catalog.FindToolAsync("tnt_a", "zendesk", "create_ticket", Ct);
        Assert.Equal(("new text", TestData.Epoch, later, """{"maxBytes":10}""", "high"), (updated!.Description, updated.CreatedAt, updated.UpdatedAt, updated.OutputRules, updated.Risk));
        Assert.Equal(["create_ticket", "list_tickets"], (await stores.Catalog.ListToolsAsync("tnt_a", "zendesk", Ct)).Select(t => t.Name));
        Assert.Null(await stores.Catalog.PutToolsAsync("tnt_b", "zendesk", [CatalogData.Tool("tnt_b", "zendesk", "x")], Ct));
        Assert.Empty(await stores.Catalog.ListToolsAsync("tnt_b", null, Ct));
    }

    [Fact]
    public async Task ListTools_FiltersByConnection_AndOrders()
    {
        var stores = await CreateStoresAsync();
        foreach (var name in new[] { "zendesk", "jira" })
        {
            await stores.Catalog.CreateConnectionAsync(CatalogData.Connection("tnt_a", name), Ct);
        }

        await stores.Catalog.CreateToolAsync(CatalogData.Tool("tnt_a", "zendesk", "b"), Ct);
        await stores.Catalog.CreateToolAsync(CatalogData.Tool("tnt_a", "zendesk", "a"), Ct);
        await stores.Catalog.CreateToolAsync(CatalogData.Tool("tnt_a", "jira", "c"), Ct);

        Assert.Equal(["jira/c", "zendesk/a", "zendesk/b"], (await stores.Catalog.ListToolsAsync("tnt_a", null, Ct)).Select(t => t.FullName));
        Assert.Equal(["zendesk/a", "zendesk/b"], (await stores.Catalog.ListToolsAsync("tnt_a", "zendesk", Ct)).Select(t => t.FullName));
    }

    [Fact]
    public async Task DeleteTool_RemovesOne_DeleteConnection_RemovesItsTools()
    {
        var stores = await CreateStoresAsync();
        await stores.Catalog.CreateConnectionAsync(CatalogData.Connection("tnt_a", "zendesk"), Ct);
        await stores.Catalog.CreateToolAsync(CatalogData.Tool("tnt_a", "zendesk", "a"), Ct);
        await stores.Catalog.CreateToolAsync(CatalogData.Tool("tnt_a", "zendesk", "b"), Ct);

        Assert.False(await stores.Catalog.DeleteToolAsync("tnt_b", "zendesk", "a", Ct));
        Assert.True(await stores.Catalog.DeleteToolAsync("tnt_a", "zendesk", "a", Ct));
        Assert.False(await stores.Catalog.DeleteToolAsync("tnt_a", "zendesk", "a", Ct));
        Assert.True(await stores.Catalog.DeleteConnectionAsync("tnt_a", "zendesk", Ct));

        Assert.Empty(await stores.Catalog.ListToolsAsync("tnt_a", null, Ct));
        Assert.True(await stores.Catalog.CreateConnectionAsync(CatalogData.Connection("tnt_a", "zendesk"), Ct));
        Assert.Empty(await stores.Catalog.ListToolsAsync("tnt_a", "zendesk", Ct));
    }
}
