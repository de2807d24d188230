using Dome.Core.Lifecycle;
using Dome.Core.Registry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dome.Core.Tests.Storage;

/// <summary>What every <see cref="Core.Storage.IAgentStore"/> must do. Each adapter inherits this once.</summary>
public abstract class AgentStoreContract
{
    protected abstract Task<StoreSet> CreateStoresAsync();

    private async Task<StoreSet> WithTenantsAsync()
    {
        var stores = await CreateStoresAsync();
        foreach (var name in new[] { "a", "b" })
        {
            var tenant = TestData.Tenant(name);
            await stores.Tenants.CreateTenantAsync(tenant, TestData.Workspace(tenant.Id), TestData.AdminKey(tenant.Id, "k" + name), TestContext.Current.CancellationToken);
            await stores.Tenants.CreateWorkspaceAsync(TestData.Workspace(tenant.Id, "ops"), TestContext.Current.CancellationToken);
        }

        return stores;
    }

    [Fact]
    public async Task Create_NewAgent_RoundTripsEveryField()
    {
        var stores = await WithTenantsAsync();
        var agent = TestData.Agent("tnt_a", "triage");

        Assert.True(await stores.Agents.CreateAsync(agent, "hash1", TestData.Registered(agent), TestContext.Current.CancellationToken));

        var found = await stores.Agents.FindAsync("tnt_a", "default", "triage", TestContext.Current.CancellationToken);
        Assert.NotNull(found);
        Assert.Equal(agent with { Capabilities = found.Capabilities, AllowedParents = found.AllowedParents }, found);
        Assert.Equal(agent.Capabilities.Tools, found.Capabilities.Tools);
        Assert.Equal(agent.Capabilities.ModelPools, found.Capabilities.ModelPools);
        Assert.Equal(agent.Capabilities.Integrations, found.Capabilities.Integrations);
        Assert.Equal(agent.AllowedParents, found.AllowedParents);
        var byKey = await stores.Agents.FindByKeyIdAsync(agent.KeyId, TestContext.Current.CancellationToken);
        Assert.Equal(("hash1", agent.Id), (byKey!.Value.KeyHash, byKey.Value.Agent.Id));
    }

    [Fact]
    public async Task Create_DuplicateNameInWorkspace_ReturnsFalse_OtherWorkspaceOrTenant_Succeeds()
    {
        var stores = await WithTenantsAsync();
        var agent = TestData.Agent("tnt_a", "triage");
        await stores.Agents.CreateAsync(agent, "h", TestData.Registered(agent), TestContext.Current.CancellationToken);

        var duplicate = agent with { Id = "agt_dup", KeyId = "key_dup" };
        Assert.False(await stores.Agents.CreateAsync(duplicate, "h", TestData.Registered(duplicate), TestContext.Current.CancellationToken));
        var otherWorkspace = TestData.Agent("tnt_a", "triage", "ops");
        Assert.True(await stores.Agents.CreateAsync(otherWorkspace, "h", TestData.Registered(otherWorkspace), TestContext.Current.CancellationToken));
        var otherTenant = TestData.Agent("tnt_b", "triage");
        Assert.True(await stores.Agents.CreateAsync(otherTenant, "h", TestData.Registered(otherTenant), TestContext.Current.CancellationToken));

        Assert.Null(await stores.Agents.FindByIdAsync("tnt_a", "agt_dup", TestContext.Current.CancellationToken));
        Assert.Single(await stores.Agents.ListEventsAsync("tnt_a", agent.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task List_FiltersByTenantWorkspaceAndOwner()
    {
        var stores = await WithTenantsAsync();
        foreach (var agent in new[]
        {
            TestData.Agent("tnt_a", "one"),
            TestData.Agent("tnt_a", "two", "ops") with { Owner = "bob" },
            TestData.Agent("tnt_b", "three"),
        })
        {
            await stores.Agents.CreateAsync(agent, "h", TestData.Registered(agent), TestContext.Current.CancellationToken);
        }

        Assert.Equal(["one", "two"], (await stores.Agents.ListAsync("tnt_a", null, null, TestContext.Current.CancellationToken)).Select(a => a.Name));
        Assert.Equal(["two"], (await stores.Agents.ListAsync("tnt_a", "ops", null, TestContext.Current.CancellationToken)).Select(a => a.Name));
        Assert.Equal(["two"], (await stores.Agents.ListAsync("tnt_a", null, "bob", TestContext.Current.CancellationToken)).Select(a => a.Name));
        Assert.Equal(["three"], (await stores.Agents.ListAsync("tnt_b", null, null, TestContext.Current.CancellationToken)).Select(a => a.Name));
    }

    [Fact]
    public async Task Update_ExpectedVersion_AppliesChangeAndAppendsEvent_StaleVersion_ChangesNothing()
    {
        var stores = await WithTenantsAsync();
        var agent = TestData.Agent("tnt_a", "triage");
        await stores.Agents.CreateAsync(agent, "h", TestData.Registered(agent), TestContext.Current.CancellationToken);
        var active = agent with { Status = AgentStatus.Active, Version = 2 };
        var activated = TestData.Registered(agent) with { Sequence = 2, Kind = AgentEventKind.Activated, From = AgentStatus.Provisioned, To = AgentStatus.Active };

        Assert.True(await stores.Agents.UpdateAsync(active, 1, activated, null, TestContext.Current.CancellationToken));
        Assert.False(await stores.Agents.UpdateAsync(agent with { Status = AgentStatus.Revoked, Version = 2 }, 1, activated with { Sequence = 3 }, null, TestContext.Current.CancellationToken));

        Assert.Equal(AgentStatus.Active, (await stores.Agents.FindByIdAsync("tnt_a", agent.Id, TestContext.Current.CancellationToken))!.Status);
        Assert.Equal([AgentEventKind.Registered, AgentEventKind.Activated], (await stores.Agents.ListEventsAsync("tnt_a", agent.Id, TestContext.Current.CancellationToken)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Update_NewKeyHash_ReplacesKey()
    {
        var stores = await WithTenantsAsync();
        var agent = TestData.Agent("tnt_a", "triage");
        await stores.Agents.CreateAsync(agent, "old", TestData.Registered(agent), TestContext.Current.CancellationToken);
        var rotated = TestData.Registered(agent) with { Sequence = 2, Kind = AgentEventKind.KeyRotated, From = AgentStatus.Provisioned };

        Assert.True(await stores.Agents.UpdateAsync(agent with { KeyId = "key_new", Version = 2 }, 1, rotated, "new", TestContext.Current.CancellationToken));

        Assert.Null(await stores.Agents.FindByKeyIdAsync(agent.KeyId, TestContext.Current.CancellationToken));
        Assert.Equal("new", (await stores.Agents.FindByKeyIdAsync("key_new", TestContext.Current.CancellationToken))!.Value.KeyHash);
    }

    [Fact]
    public async Task ListEventsAndMarkProcessed_AreScopedToTheTenant()
    {
        var stores = await WithTenantsAsync();
        var agent = TestData.Agent("tnt_a", "triage");
        await stores.Agents.CreateAsync(agent, "h", TestData.Registered(agent), TestContext.Current.CancellationToken);

        Assert.Empty(await stores.Agents.ListEventsAsync("tnt_b", agent.Id, TestContext.Current.CancellationToken));
        Assert.False(await stores.Agents.MarkEventProcessedAsync("tnt_b", agent.Id, 1, TestData.Epoch, TestContext.Current.CancellationToken));
        Assert.False(await stores.Agents.MarkEventProcessedAsync("tnt_a", agent.Id, 9, TestData.Epoch, TestContext.Current.CancellationToken));
        Assert.True(await stores.Agents.MarkEventProcessedAsync("tnt_a", agent.Id, 1, TestData.Epoch.AddSeconds(1), TestContext.Current.CancellationToken));
        Assert.True(await stores.Agents.MarkEventProcessedAsync("tnt_a", agent.Id, 1, TestData.Epoch.AddSeconds(5), TestContext.Current.CancellationToken));

        Assert.Equal(TestData.Epoch.AddSeconds(1), Assert.Single(await stores.Agents.ListEventsAsync("tnt_a", agent.Id, TestContext.Current.CancellationToken)).ProcessedAt);
    }

    /// <summary>Agent `triage` in tenant a (registered at the epoch) and `billing` in tenant b (10 s later), both events unprocessed.</summary>
    private async Task<(StoreSet Stores, Agent Triage, Agent Billing)> WithTwoRegisteredAgentsAsync(CancellationToken ct)
    {
        var stores = await WithTenantsAsync();
        var triage = TestData.Agent("tnt_a", "triage");
        var billing = TestData.Agent("tnt_b", "billing", workspace: "ops");
        await stores.Agents.CreateAsync(triage, "h1", TestData.Registered(triage), ct);
        await stores.Agents.CreateAsync(billing, "h2", TestData.Registered(billing) with { At = TestData.Epoch.AddSeconds(10) }, ct);
        return (stores, triage, billing);
    }

    [Fact]
    public async Task ListUnprocessedEvents_EveryTenant_OlderThanTheBound_OldestFirst_UntilProcessed()
    {
        var ct = TestContext.Current.CancellationToken;
        var (stores, triage, billing) = await WithTwoRegisteredAgentsAsync(ct);
        var activated = TestData.Registered(triage) with { Sequence = 2, Kind = AgentEventKind.Activated, From = AgentStatus.Provisioned, To = AgentStatus.Active, At = TestData.Epoch.AddSeconds(20) };
        await stores.Agents.UpdateAsync(triage with { Status = AgentStatus.Active, Version = 2 }, 1, activated, null, ct);

        var beforeAll = await stores.Agents.ListUnprocessedEventsAsync(TestData.Epoch.AddMinutes(1), TestData.Epoch.AddHours(1), 10, ct);
        var bounded = await stores.Agents.ListUnprocessedEventsAsync(TestData.Epoch.AddSeconds(15), TestData.Epoch.AddHours(1), 10, ct);
        var limited = await stores.Agents.ListUnprocessedEventsAsync(TestData.Epoch.AddMinutes(1), TestData.Epoch.AddHours(1), 1, ct);
        await stores.Agents.MarkEventProcessedAsync("tnt_a", triage.Id, 1, TestData.Epoch.AddMinutes(2), ct);
        var afterProcessing = await stores.Agents.ListUnprocessedEventsAsync(TestData.Epoch.AddMinutes(1), TestData.Epoch.AddHours(1), 10, ct);

        Assert.Equal([(triage.Id, 1L), (billing.Id, 1L), (triage.Id, 2L)], beforeAll.Select(m => (m.AgentId, m.Sequence)));
        var second = beforeAll[1];
        Assert.Equal(("tnt_b", "billing", "ops", "registered", null, "provisioned"), (second.TenantId, second.AgentName, second.Workspace, second.Kind, second.From, second.To));
        Assert.Equal(("activated", "provisioned", "active", TestData.Epoch.AddSeconds(20)), (beforeAll[2].Kind, beforeAll[2].From, beforeAll[2].To, beforeAll[2].At));
        Assert.Equal([(triage.Id, 1L), (billing.Id, 1L)], bounded.Select(m => (m.AgentId, m.Sequence)));
        Assert.Single(limited);
        Assert.Equal([(billing.Id, 1L), (triage.Id, 2L)], afterProcessing.Select(m => (m.AgentId, m.Sequence)));
    }

    [Fact]
    public async Task DeferRedelivery_HidesTheEventUntilThen_SoTheNextOneIsListed()
    {
        var ct = TestContext.Current.CancellationToken;
        var (stores, triage, billing) = await WithTwoRegisteredAgentsAsync(ct);
        var before = TestData.Epoch.AddMinutes(1);

        Assert.True(await stores.Agents.DeferRedeliveryAsync("tnt_a", triage.Id, 1, TestData.Epoch.AddMinutes(5), ct));
        var deferred = await stores.Agents.ListUnprocessedEventsAsync(before, TestData.Epoch.AddMinutes(4), 1, ct);
        var due = await stores.Agents.ListUnprocessedEventsAsync(before, TestData.Epoch.AddMinutes(5), 10, ct);

        Assert.Equal([(billing.Id, 1L)], deferred.Select(m => (m.AgentId, m.Sequence)));
        Assert.Equal([(triage.Id, 1L), (billing.Id, 1L)], due.Select(m => (m.AgentId, m.Sequence)));
        Assert.False(await stores.Agents.DeferRedeliveryAsync("tnt_a", "agt_missing", 1, TestData.Epoch.AddMinutes(5), ct));
        Assert.False(await stores.Agents.DeferRedeliveryAsync("tnt_a", triage.Id, 9, TestData.Epoch.AddMinutes(5), ct));
        Assert.False(await stores.Agents.DeferRedeliveryAsync("tnt_b", triage.Id, 1, TestData.Epoch.AddMinutes(5), ct));
    }

    [Fact]
    public async Task Redelivery_AnEventThatStaysUnprocessed_IsAnnouncedAtDoublingIntervals_UpToTheLongest()
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = await WithTenantsAsync();
        var triage = TestData.Agent("tnt_a", "triage");
        await stores.Agents.CreateAsync(triage, "h1", TestData.Registered(triage), ct);
        var clock = new ManualTimeProvider(TestData.Epoch);
        var settings = new LifecycleOptions { RedeliverAfter = TimeSpan.FromMinutes(1), MaxRedeliverInterval = TimeSpan.FromMinutes(4) };
        var redelivery = new LifecycleRedelivery(stores.Agents, stores.Queue, clock, Options.Create(settings), NullLogger<LifecycleRedelivery>.Instance);

        // A sweep a minute, the event never processed (the lifecycle function failing for good).
        var sent = new List<int>();
        for (var minute = 1; minute <= 13; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            sent.Add(await redelivery.RedeliverAsync(ct));
        }

        // Due after 1 min (announced at 2: it happened at 0), then deferred for as long as it had waited: 2, 4, then 4 (the longest).
        Assert.Equal([0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0], sent);
        await stores.Agents.MarkEventProcessedAsync("tnt_a", triage.Id, 1, clock.GetUtcNow(), ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await redelivery.RedeliverAsync(ct));
    }
}
