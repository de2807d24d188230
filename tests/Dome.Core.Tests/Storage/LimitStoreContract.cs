using Dome.Core.Limits;

namespace Dome.Core.Tests.Storage;

/// <summary>What every <see cref="ILimitStore"/> must do. Each adapter inherits this once.</summary>
public abstract class LimitStoreContract
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    /// <summary>Opens the store kept at <paramref name="location"/>; opening the same location again is a restart.</summary>
    protected abstract ILimitStore Open(string location);

    protected abstract string NewLocation();

    [Fact]
    public async Task Upsert_ThenFindAndList_ReturnsThePolicy_AndReplacesOnSecondUpsert()
    {
        var store = Open(NewLocation());
        var policy = Policy("tnt_a", LimitScope.Agent, "triage") with { RequestsPerSecond = 2.5, Burst = 5 };
        await store.UpsertAsync(policy, TestContext.Current.CancellationToken);
        await store.UpsertAsync(Policy("tnt_a", LimitScope.Tenant, "*") with { DailyQuota = 1000 }, TestContext.Current.CancellationToken);

        Assert.Equal(policy, await store.FindAsync("tnt_a", LimitScope.Agent, "triage", TestContext.Current.CancellationToken));
        var changed = policy with { RequestsPerSecond = null, Burst = null, Concurrency = 3, UpdatedBy = "admin:k2" };
        await store.UpsertAsync(changed, TestContext.Current.CancellationToken);

        Assert.Equal(changed, await store.FindAsync("tnt_a", LimitScope.Agent, "triage", TestContext.Current.CancellationToken));
        var all = await store.ListAsync("tnt_a", TestContext.Current.CancellationToken);
        Assert.Equal([LimitScope.Tenant, LimitScope.Agent], all.Select(p => p.Scope));
    }

    [Fact]
    public async Task ListFindDelete_OtherTenant_SeesNothing()
    {
        var store = Open(NewLocation());
        await store.UpsertAsync(Policy("tnt_a", LimitScope.Tool, "zendesk"), TestContext.Current.CancellationToken);

        Assert.Empty(await store.ListAsync("tnt_b", TestContext.Current.CancellationToken));
        Assert.Null(await store.FindAsync("tnt_b", LimitScope.Tool, "zendesk", TestContext.Current.CancellationToken));
        Assert.False(await store.DeleteAsync("tnt_b", LimitScope.Tool, "zendesk", TestContext.Current.CancellationToken));
        Assert.Single(await store.ListAsync("tnt_a", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Delete_Existing_RemovesOnlyThatOne()
    {
        var store = Open(NewLocation());
        await store.UpsertAsync(Policy("tnt_a", LimitScope.Tool, "zendesk"), TestContext.Current.CancellationToken);
        await store.UpsertAsync(Policy("tnt_a", LimitScope.Customer, "zendesk"), TestContext.Current.CancellationToken);

        Assert.True(await store.DeleteAsync("tnt_a", LimitScope.Tool, "zendesk", TestContext.Current.CancellationToken));

        Assert.Equal(LimitScope.Customer, Assert.Single(await store.ListAsync("tnt_a", TestContext.Current.CancellationToken)).Scope);
    }

    [Fact]
    public async Task Names_WithKeyCharacters_RoundTripAndStaySeparate()
    {
        var store = Open(NewLocation());
        string[] names = ["zendesk/create_ticket", "zendesk", "a|b#c?d\\e~f", "a", "ü ✓"];
        foreach (var name in names)
        {
            await store.UpsertAsync(Policy("tnt/a", LimitScope.Tool, name) with { DailyQuota = name.Length }, TestContext.Current.CancellationToken);
        }

        var key = new QuotaKey("tnt/a", LimitScope.Tool, "zendesk/create_ticket", Day);
        Assert.Equal(2, await store.ReserveAsync(key, 2, 10, TestContext.Current.CancellationToken));

        Assert.Equal(names.Order(StringComparer.Ordinal), (await store.ListAsync("tnt/a", TestContext.Current.CancellationToken)).Select(p => p.Name));
        Assert.Equal("a|b#c?d\\e~f".Length, (await store.FindAsync("tnt/a", LimitScope.Tool, "a|b#c?d\\e~f", TestContext.Current.CancellationToken))!.DailyQuota);
        Assert.Equal(0, await store.UsedAsync(key with { Name = "zendesk" }, TestContext.Current.CancellationToken));
        Assert.Equal(2, await store.UsedAsync(key, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Reserve_NeverPassesTheQuota()
    {
        var store = Open(NewLocation());
        var key = new QuotaKey("tnt_a", LimitScope.Agent, "triage", Day);

        Assert.Equal(4, await store.ReserveAsync(key, 4, 10, TestContext.Current.CancellationToken));
        Assert.Equal(4, await store.ReserveAsync(key, 4, 10, TestContext.Current.CancellationToken));
        Assert.Equal(2, await store.ReserveAsync(key, 4, 10, TestContext.Current.CancellationToken));
        Assert.Equal(0, await store.ReserveAsync(key, 4, 10, TestContext.Current.CancellationToken));
        Assert.Equal(10, await store.UsedAsync(key, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Reserve_ConcurrentCallers_GrantExactlyTheQuota()
    {
        var store = Open(NewLocation());
        var key = new QuotaKey("tnt_a", LimitScope.Tenant, "*", Day);

        var granted = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.ReserveAsync(key, 3, 25, TestContext.Current.CancellationToken)));

        Assert.Equal(25, granted.Sum());
        Assert.Equal(25, await store.UsedAsync(key, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Release_GivesBackButNeverBelowZero_AndDaysAndNamesAreSeparate()
    {
        var store = Open(NewLocation());
        var key = new QuotaKey("tnt_a", LimitScope.Agent, "triage", Day);
        await store.ReserveAsync(key, 5, 10, TestContext.Current.CancellationToken);

        await store.ReleaseAsync(key, 2, TestContext.Current.CancellationToken);
        Assert.Equal(3, await store.UsedAsync(key, TestContext.Current.CancellationToken));
        await store.ReleaseAsync(key, 99, TestContext.Current.CancellationToken);
        Assert.Equal(0, await store.UsedAsync(key, TestContext.Current.CancellationToken));

        await store.ReserveAsync(key, 5, 10, TestContext.Current.CancellationToken);
        Assert.Equal(0, await store.UsedAsync(key with { Day = Day.AddDays(1) }, TestContext.Current.CancellationToken));
        Assert.Equal(0, await store.UsedAsync(key with { Name = "other" }, TestContext.Current.CancellationToken));
        Assert.Equal(0, await store.UsedAsync(key with { TenantId = "tnt_b" }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Reopen_KeepsPoliciesAndCounters()
    {
        var location = NewLocation();
        var first = Open(location);
        var key = new QuotaKey("tnt_a", LimitScope.Customer, "cust-1", Day);
        await first.UpsertAsync(Policy("tnt_a", LimitScope.Customer, "cust-1") with { DailyQuota = 10 }, TestContext.Current.CancellationToken);
        await first.ReserveAsync(key, 7, 10, TestContext.Current.CancellationToken);

        var reopened = Open(location);

        Assert.Equal(10, (await reopened.FindAsync("tnt_a", LimitScope.Customer, "cust-1", TestContext.Current.CancellationToken))!.DailyQuota);
        Assert.Equal(7, await reopened.UsedAsync(key, TestContext.Current.CancellationToken));
        Assert.Equal(3, await reopened.ReserveAsync(key, 7, 10, TestContext.Current.CancellationToken));
    }

    private static LimitPolicy Policy(string tenantId, LimitScope scope, string name) => new()
    {
        TenantId = tenantId,
        Scope = scope,
        Name = name,
        RequestsPerSecond = null,
        Burst = null,
        Concurrency = null,
        DailyQuota = null,
        UpdatedAt = TestData.Epoch,
        UpdatedBy = "admin:k1",
    };
}
