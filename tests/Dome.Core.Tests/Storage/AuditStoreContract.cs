using System.Text.Json;
using Dome.Core.Audit;
using Dome.Core.Errors;

namespace Dome.Core.Tests.Storage;

/// <summary>
/// What every <see cref="IAuditStore"/> must do. Each adapter inherits this once. Events are appended in time
/// order, as the gateway writes them; "newest first" is then the same whether a store orders by filing or by time.
/// </summary>
public abstract class AuditStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens the store kept at <paramref name="location"/>; opening the same location again is a restart.</summary>
    protected abstract IAuditStore Open(string location);

    protected abstract string NewLocation();

    [Fact]
    public async Task Append_SameIdTwice_StoredOnce()
    {
        var store = Open(NewLocation());
        var e = Event("call_1", "t1");

        Assert.True(await store.AppendAsync(e, Ct));
        Assert.False(await store.AppendAsync(e, Ct));

        Assert.Single((await store.QueryAsync(new AuditQuery { TenantId = "t1" }, Ct)).Events);
    }

    [Fact]
    public async Task Append_SameEventConcurrently_StoredOnce_OneAppendReportsIt()
    {
        var store = Open(NewLocation());
        var e = Event("call_1", "t1");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => store.AppendAsync(e, Ct)));

        Assert.Single(results, r => r);
        Assert.Single((await store.QueryAsync(new AuditQuery { TenantId = "t1" }, Ct)).Events);
    }

    [Fact]
    public async Task Append_ThenQuery_ReturnsEveryField()
    {
        var store = Open(NewLocation());
        var e = Event("call_1", "t1") with
        {
            AgentName = "triage",
            UserId = "oidc|u-1",
            Chain = ["agt_a1", "agt_planner"],
            Intent = "open a ticket ✓",
            Reason = "policy_denied",
            Decision = AuditDecisions.Deny,
            PolicyVersion = "sha256:abc",
            ApprovalId = "apr_x",
            UpstreamStatus = 201,
            Redactions = new Dictionary<string, int> { ["email"] = 2, ["card"] = 1 },
            Arguments = JsonDocument.Parse("""{"subject":"[redacted]","n":3}""").RootElement,
        };

        await store.AppendAsync(e, Ct);

        var stored = Assert.Single((await store.QueryAsync(new AuditQuery { TenantId = "t1" }, Ct)).Events);
        Assert.Equal(AuditJson.Serialize(e), AuditJson.Serialize(stored));
    }

    [Fact]
    public async Task Append_LargeAuditedArguments_RoundTrip()
    {
        var store = Open(NewLocation());
        var text = string.Concat(Enumerable.Range(0, 9000).Select(i => $"line {i} ✓;"));
        var e = Event("call_1", "t1") with { Arguments = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["body"] = text }) };

        Assert.True(await store.AppendAsync(e, Ct));

        var stored = Assert.Single((await store.QueryAsync(new AuditQuery { TenantId = "t1" }, Ct)).Events);
        Assert.Equal(text, stored.Arguments!.Value.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Append_CompletedAfterDecided_ReplacesIt_NotTheOtherWayRound()
    {
        var store = Open(NewLocation());
        var decided = Event("call_1", "t1") with { Stage = AuditStages.Decided };
        var completed = Event("call_1", "t1", at: T0.AddSeconds(2)) with { Stage = AuditStages.Completed, UpstreamStatus = 201 };

        Assert.True(await store.AppendAsync(decided, Ct));
        Assert.True(await store.AppendAsync(completed, Ct));
        Assert.False(await store.AppendAsync(decided, Ct));
        Assert.False(await store.AppendAsync(completed, Ct));

        var stored = Assert.Single((await store.QueryAsync(new AuditQuery { TenantId = "t1" }, Ct)).Events);
        Assert.Equal((201, AuditStages.Completed), (stored.UpstreamStatus, stored.Stage));
    }

    [Fact]
    public async Task Append_DecidedArrivingAfterCompleted_IsRefused()
    {
        var store = Open(NewLocation());
        var completed = Event("call_1", "t1", at: T0.AddSeconds(2)) with { UpstreamStatus = 500, Decision = AuditDecisions.Error };

        Assert.True(await store.AppendAsync(completed, Ct));
        Assert.False(await store.AppendAsync(Event("call_1", "t1") with { Stage = AuditStages.Decided }, Ct));

        var stored = Assert.Single((await store.QueryAsync(new AuditQuery { TenantId = "t1" }, Ct)).Events);
        Assert.Equal((500, AuditDecisions.Error), (stored.UpstreamStatus, stored.Decision));
    }

    [Fact]
    public async Task Append_StagesRacing_CompletedStageWins()
    {
        var store = Open(NewLocation());
        var decided = Event("call_1", "t1") with { Stage = AuditStages.Decided };
        var completed = Event("call_1", "t1", at: T0.AddSeconds(1)) with { UpstreamStatus = 204 };

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.AppendAsync(i % 2 == 0 ? decided : completed, Ct)));

        Assert.InRange(results.Count(r => r), 1, 2);
        var stored = Assert.Single((await store.QueryAsync(new AuditQuery { TenantId = "t1" }, Ct)).Events);
        Assert.Equal((AuditStages.Completed, 204), (stored.Stage, stored.UpstreamStatus));
    }

    [Fact]
    public async Task Append_CallSpanningMidnight_StoredOnceWithItsCompletedStage()
    {
        var store = Open(NewLocation());
        var midnight = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

        Assert.True(await store.AppendAsync(Event("call_1", "t1", at: midnight.AddMilliseconds(-400)) with { Stage = AuditStages.Decided }, Ct));
        Assert.True(await store.AppendAsync(Event("call_1", "t1", at: midnight.AddMilliseconds(300)) with { UpstreamStatus = 200 }, Ct));
        Assert.False(await store.AppendAsync(Event("call_1", "t1", at: midnight.AddMilliseconds(-400)) with { Stage = AuditStages.Decided }, Ct));
        Assert.True(await store.AppendAsync(Event("call_2", "t1", at: midnight.AddMilliseconds(900)), Ct));
        Assert.False(await store.AppendAsync(Event("call_2", "t1", at: midnight.AddMilliseconds(500)) with { Stage = AuditStages.Decided }, Ct));

        var events = (await store.QueryAsync(new AuditQuery { TenantId = "t1" }, Ct)).Events;
        Assert.Equal(["call_2", "call_1"], events.Select(e => e.Id));
        Assert.All(events, e => Assert.Equal(AuditStages.Completed, e.Stage));
        Assert.Equal(200, events[1].UpstreamStatus);
    }

    [Fact]
    public async Task Query_OtherTenant_SeesNothing()
    {
        var store = Open(NewLocation());
        await store.AppendAsync(Event("call_1", "t1"), Ct);

        Assert.Empty((await store.QueryAsync(new AuditQuery { TenantId = "t2" }, Ct)).Events);
    }

    [Fact]
    public async Task Query_Filters_MatchEveryMember()
    {
        var store = Open(NewLocation());
        await store.AppendAsync(Event("c1", "t1", agent: "a1", decision: AuditDecisions.Allow, at: T0) with { AgentName = "triage" }, Ct);
        await store.AppendAsync(Event("c2", "t1", agent: "a1", decision: AuditDecisions.Deny, at: T0.AddMinutes(1)) with { UserId = "oidc|u-1" }, Ct);
        await store.AppendAsync(Event("c3", "t1", agent: "a2", decision: AuditDecisions.Deny, at: T0.AddMinutes(2), tool: "crm/get") with { UserId = "oidc|u-1" }, Ct);

        Assert.Equal(["c2"], Ids(await store.QueryAsync(new AuditQuery { TenantId = "t1", Agent = "a1", Decision = "deny" }, Ct)));
        Assert.Equal(["c1"], Ids(await store.QueryAsync(new AuditQuery { TenantId = "t1", Agent = "triage" }, Ct)));
        Assert.Equal(["c3", "c2"], Ids(await store.QueryAsync(new AuditQuery { TenantId = "t1", UserId = "oidc|u-1" }, Ct)));
        Assert.Equal(["c3"], Ids(await store.QueryAsync(new AuditQuery { TenantId = "t1", Tool = "crm/get" }, Ct)));
        Assert.Equal(["c2"], Ids(await store.QueryAsync(new AuditQuery { TenantId = "t1", Since = T0.AddMinutes(1), Until = T0.AddMinutes(2) }, Ct)));
        Assert.Empty(Ids(await store.QueryAsync(new AuditQuery { TenantId = "t1", Agent = "a2", Decision = "allow" }, Ct)));
    }

    [Fact]
    public async Task Query_Paged_WalksAllNewestFirst()
    {
        var store = Open(NewLocation());
        for (int i = 0; i < 5; i++)
        {
            await store.AppendAsync(Event("c" + i, "t1", at: T0.AddSeconds(i)), Ct);
        }

        var (ids, pages) = await WalkAsync(store, new AuditQuery { TenantId = "t1", Limit = 2 });

        Assert.Equal(["c4", "c3", "c2", "c1", "c0"], ids);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Query_FullLastPage_HasNoContinuationToken()
    {
        var store = Open(NewLocation());
        for (int i = 0; i < 4; i++)
        {
            await store.AppendAsync(Event("c" + i, "t1", at: T0.AddSeconds(i)), Ct);
        }

        var (ids, pages) = await WalkAsync(store, new AuditQuery { TenantId = "t1", Limit = 2 });

        Assert.Equal(["c3", "c2", "c1", "c0"], ids);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task Query_AcrossDays_PagesNewestFirst_AndFiltersEveryDay()
    {
        var store = Open(NewLocation());
        var expected = new List<string>();
        for (int day = 0; day < 4; day++)
        {
            for (int i = 0; i < 3; i++)
            {
                var id = $"d{day}_c{i}";
                await store.AppendAsync(Event(id, "t1", agent: i == 1 ? "a2" : "a1", at: T0.AddDays(day).AddHours(i * 6)), Ct);
                expected.Insert(0, id);
            }
        }

        var (all, pages) = await WalkAsync(store, new AuditQuery { TenantId = "t1", Limit = 5 });
        var (byAgent, _) = await WalkAsync(store, new AuditQuery { TenantId = "t1", Agent = "a2", Limit = 1 });
        var (window, _) = await WalkAsync(store, new AuditQuery { TenantId = "t1", Since = T0.AddDays(1).AddHours(6), Until = T0.AddDays(3).AddHours(6), Limit = 2 });

        Assert.Equal(expected, all);
        Assert.Equal(3, pages);
        Assert.Equal(["d3_c1", "d2_c1", "d1_c1", "d0_c1"], byAgent);
        Assert.Equal(["d3_c0", "d2_c2", "d2_c1", "d2_c0", "d1_c2", "d1_c1"], window);
    }

    [Fact]
    public async Task Query_ForgedToken_Invalid()
    {
        var store = Open(NewLocation());
        await store.AppendAsync(Event("c1", "t1"), Ct);

        foreach (var token in new[] { "bm9wZQ", "not a token", "YTE6MA" })
        {
            var e = await Assert.ThrowsAsync<DomeException>(() => store.QueryAsync(new AuditQuery { TenantId = "t1", ContinuationToken = token }, Ct));
            Assert.Equal(DomeErrorCode.InvalidRequest, e.Code);
        }
    }

    [Fact]
    public async Task Reopen_KeepsTheTrail()
    {
        var location = NewLocation();
        await Open(location).AppendAsync(Event("c1", "t1"), Ct);

        var reopened = Open(location);

        Assert.False(await reopened.AppendAsync(Event("c1", "t1"), Ct));
        Assert.Equal(["c1"], Ids(await reopened.QueryAsync(new AuditQuery { TenantId = "t1" }, Ct)));
    }

    private static async Task<(List<string> Ids, int Pages)> WalkAsync(IAuditStore store, AuditQuery query)
    {
        var ids = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            var page = await store.QueryAsync(query with { ContinuationToken = token }, Ct);
            ids.AddRange(Ids(page));
            token = page.ContinuationToken;
            pages++;
            Assert.True(pages < 100, "the continuation tokens do not end");
        }
        while (token is not null);

        return (ids, pages);
    }

    private static AuditEvent Event(string id, string tenant, string agent = "a1", string decision = AuditDecisions.Allow, DateTimeOffset? at = null, string tool = "zendesk/create_ticket") => new()
    {
        Id = id,
        Kind = AuditEventKinds.ToolCall,
        Time = at ?? T0,
        TenantId = tenant,
        AgentId = agent,
        Tool = tool,
        Decision = decision,
        PolicyIds = ["p1"],
        LatencyMs = new Dictionary<string, double> { ["total"] = 1.5 },
    };

    private static string[] Ids(AuditPage page) => page.Events.Select(e => e.Id).ToArray();
}
