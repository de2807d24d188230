using Dome.Core.Registry;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure;

/// <summary>
/// Races on the Table Storage stores (Azurite, Shared Key): uniqueness claims and ETags must hold when writers
/// collide, not only when they take turns. The outcome of each race is asserted, never its timing.
/// </summary>
public sealed class AzureStoreConcurrencyTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAgent_SameNameRacing_ExactlyOneWinsAndLosersLeaveNoKey()
    {
        var stores = await AzureStores.CreateAsync(azurite, AzuriteAuth.SharedKey);
        var tenant = TestData.Tenant("race");
        await stores.Tenants.CreateTenantAsync(tenant, TestData.Workspace(tenant.Id), TestData.AdminKey(tenant.Id, "k"), Ct);
        var contenders = Enumerable.Range(0, 8)
            .Select(i => TestData.Agent(tenant.Id, "triage") with { Id = "agt_" + i, KeyId = "key_" + i })
            .ToArray();

        var results = await Task.WhenAll(contenders.Select(a => Task.Run(() => stores.Agents.CreateAsync(a, "h" + a.Id, TestData.Registered(a), Ct), Ct)));

        Assert.Equal(1, results.Count(r => r));
        var winner = contenders[Array.IndexOf(results, true)];
        Assert.Equal(winner.Id, (await stores.Agents.FindAsync(tenant.Id, "default", "triage", Ct))!.Id);
        Assert.Equal(winner.Id, Assert.Single(await stores.Agents.ListAsync(tenant.Id, null, null, Ct)).Id);
        foreach (var loser in contenders.Where(a => a.Id != winner.Id))
        {
            Assert.Null(await stores.Agents.FindByKeyIdAsync(loser.KeyId, Ct));
            Assert.Empty(await stores.Agents.ListEventsAsync(tenant.Id, loser.Id, Ct));
        }

        Assert.Equal("h" + winner.Id, (await stores.Agents.FindByKeyIdAsync(winner.KeyId, Ct))!.Value.KeyHash);
    }

    [Fact]
    public async Task UpdateAgent_SameVersionRacing_ExactlyOneApplies()
    {
        var stores = await AzureStores.CreateAsync(azurite, AzuriteAuth.SharedKey);
        var agent = TestData.Agent("tnt_race", "triage");
        await stores.Agents.CreateAsync(agent, "h", TestData.Registered(agent), Ct);
        var statuses = new[] { AgentStatus.Active, AgentStatus.Suspended, AgentStatus.Revoked, AgentStatus.Active, AgentStatus.Suspended };

        var results = await Task.WhenAll(statuses.Select((status, i) => Task.Run(() => stores.Agents.UpdateAsync(
            agent with { Status = status, Version = 2 },
            1,
            TestData.Registered(agent) with { Sequence = 2, Kind = AgentEventKind.Activated, From = AgentStatus.Provisioned, To = status, Actor = "racer" + i },
            null,
            Ct), Ct)));

        Assert.Equal(1, results.Count(r => r));
        var events = await stores.Agents.ListEventsAsync("tnt_race", agent.Id, Ct);
        Assert.Equal([1L, 2L], events.Select(e => e.Sequence));
        var stored = await stores.Agents.FindByIdAsync("tnt_race", agent.Id, Ct);
        Assert.Equal((2L, events[1].To), (stored!.Version, stored.Status));
    }

    [Fact]
    public async Task CreateTenant_SameNameRacing_ExactlyOneWins()
    {
        var stores = await AzureStores.CreateAsync(azurite, AzuriteAuth.SharedKey);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
        {
            var tenant = TestData.Tenant("acme") with { Id = "tnt_" + i };
            return stores.Tenants.CreateTenantAsync(tenant, TestData.Workspace(tenant.Id), TestData.AdminKey(tenant.Id, "key" + i), Ct);
        }, Ct)));

        Assert.Equal(1, results.Count(r => r));
        var winner = Array.IndexOf(results, true);
        Assert.Equal("tnt_" + winner, Assert.Single(await stores.Tenants.ListTenantsAsync(Ct)).Id);
        Assert.Equal(1, (await Task.WhenAll(Enumerable.Range(0, 6).Select(i => stores.Tenants.FindKeyAsync("key" + i, Ct)))).Count(k => k is not null));
    }

    [Fact]
    public async Task CreateTool_RacingDeleteConnection_LeavesNoOrphanTool()
    {
        var tables = await AzureStores.CreateTablesAsync(azurite, AzuriteAuth.SharedKey);
        var catalog = tables.Catalog;

        // Several rounds, so that the interleaving where the delete lists the tools before the tool lands occurs.
        for (var round = 0; round < 8; round++)
        {
            var name = "conn" + round.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await catalog.CreateConnectionAsync(CatalogData.Connection("tnt_a", name), Ct);

            var create = Task.Run(() => catalog.CreateToolAsync(CatalogData.Tool("tnt_a", name, "t"), Ct), Ct);
            var delete = Task.Run(() => catalog.DeleteConnectionAsync("tnt_a", name, Ct), Ct);
            await Task.WhenAll(create, delete);

            Assert.True(await delete);
            Assert.Null(await catalog.FindConnectionAsync("tnt_a", name, Ct));

            // Whichever ran first, no tool outlives its connection.
            Assert.Empty(await catalog.ListToolsAsync("tnt_a", name, Ct));
        }
    }

    [Fact]
    public async Task PutTools_MoreThanOneBatch_StoresEveryTool()
    {
        var tables = await AzureStores.CreateTablesAsync(azurite, AzuriteAuth.SharedKey);
        await tables.Catalog.CreateConnectionAsync(CatalogData.Connection("tnt_a", "big"), Ct);
        var tools = Enumerable.Range(0, 150).Select(i => CatalogData.Tool("tnt_a", "big", "tool" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        var result = await tables.Catalog.PutToolsAsync("tnt_a", "big", tools, Ct);

        Assert.Equal((150, 0), (result!.Created, result.Updated));
        Assert.Equal(150, (await tables.Catalog.ListToolsAsync("tnt_a", "big", Ct)).Count);
        Assert.True(await tables.Catalog.DeleteConnectionAsync("tnt_a", "big", Ct));
        Assert.Empty(await tables.Catalog.ListToolsAsync("tnt_a", null, Ct));
    }
}
