using System.Text.Json;
using Dome.Core.Audit;
using Dome.Core.Errors;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure;

/// <summary>
/// What only the Table Storage audit store does beyond the contract: a continuation token is bound to the tenant and
/// filters of the query that issued it (the SQLite store's token is a position and does not check them), and audited
/// arguments too large for one row are left out with a note instead of the event being refused.
/// </summary>
public sealed class AzureAuditStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Query_TokenOfAnotherQuery_InvalidRequest()
    {
        var store = (await AzureStores.CreateTablesAsync(azurite, AzuriteAuth.SharedKey)).Audit;
        for (int i = 0; i < 3; i++)
        {
            await store.AppendAsync(Event("c" + i, "t1", T0.AddSeconds(i)), Ct);
            await store.AppendAsync(Event("c" + i, "t2", T0.AddSeconds(i)), Ct);
        }

        var first = await store.QueryAsync(new AuditQuery { TenantId = "t1", Limit = 1 }, Ct);
        Assert.NotNull(first.ContinuationToken);

        var second = await store.QueryAsync(new AuditQuery { TenantId = "t1", Limit = 5, ContinuationToken = first.ContinuationToken }, Ct);
        Assert.Equal(["c1", "c0"], second.Events.Select(e => e.Id));
        foreach (var other in new[]
        {
            new AuditQuery { TenantId = "t2", ContinuationToken = first.ContinuationToken },
            new AuditQuery { TenantId = "t1", Decision = AuditDecisions.Deny, ContinuationToken = first.ContinuationToken },
            new AuditQuery { TenantId = "t1", Since = T0, ContinuationToken = first.ContinuationToken },
        })
        {
            var e = await Assert.ThrowsAsync<DomeException>(() => store.QueryAsync(other, Ct));
            Assert.Equal(DomeErrorCode.InvalidRequest, e.Code);
            Assert.Contains("other filters", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Append_ArgumentsLargerThanARow_StoredWithANoteInsteadOfThem()
    {
        var store = (await AzureStores.CreateTablesAsync(azurite, AzuriteAuth.SharedKey)).Audit;
        var huge = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["body"] = new string('x', 600_000) });

        Assert.True(await store.AppendAsync(Event("c1", "t1", T0) with { Arguments = huge, UpstreamStatus = 200 }, Ct));

        var stored = Assert.Single((await store.QueryAsync(new AuditQuery { TenantId = "t1" }, Ct)).Events);
        Assert.Equal(200, stored.UpstreamStatus);
        Assert.Equal(JsonValueKind.String, stored.Arguments!.Value.ValueKind);
        Assert.StartsWith("[omitted: the audited arguments were 6", stored.Arguments.Value.GetString(), StringComparison.Ordinal);
        Assert.False(await store.AppendAsync(Event("c1", "t1", T0) with { Arguments = huge, UpstreamStatus = 200 }, Ct));
    }

    private static AuditEvent Event(string id, string tenant, DateTimeOffset at) => new()
    {
        Id = id,
        Kind = AuditEventKinds.ToolCall,
        Time = at,
        TenantId = tenant,
        AgentId = "a1",
        Tool = "zendesk/create_ticket",
        Decision = AuditDecisions.Allow,
    };
}
