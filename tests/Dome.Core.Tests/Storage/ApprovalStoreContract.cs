using Dome.Core.Approvals;

namespace Dome.Core.Tests.Storage;

/// <summary>What every <see cref="IApprovalStore"/> must do. Each adapter inherits this once.</summary>
public abstract class ApprovalStoreContract
{
    private static readonly string[] NoIds = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens the store kept at <paramref name="location"/>; opening the same location again is a restart.</summary>
    protected abstract IApprovalStore Open(string location);

    protected abstract string NewLocation();

    [Fact]
    public async Task Create_ThenGet_ReturnsEveryField()
    {
        var store = Open(NewLocation());
        var full = Approval("tnt_a", "a1", TestData.Epoch) with { UserId = "oidc|u-1", Intent = "close the ticket ✓", PolicyIds = ["p1", "p2"] };
        var bare = Approval("tnt_a", "a2", TestData.Epoch) with { UserId = null, Intent = null, PolicyIds = [] };

        await store.CreateAsync(full, Ct);
        await store.CreateAsync(bare, Ct);

        AssertSame(full, await store.GetAsync("tnt_a", full.Id, Ct));
        AssertSame(bare, await store.GetAsync("tnt_a", bare.Id, Ct));
    }

    [Fact]
    public async Task Get_UnknownOrOtherTenant_ReturnsNull()
    {
        var store = Open(NewLocation());
        var approval = Approval("tnt_a", "a1", TestData.Epoch);
        await store.CreateAsync(approval, Ct);

        Assert.Null(await store.GetAsync("tnt_a", Id("nope"), Ct));
        Assert.Null(await store.GetAsync("tnt_b", approval.Id, Ct));
        Assert.Null(await store.DecideAsync("tnt_b", approval.Id, ApprovalStatus.Approved, "admin:k1", null, TestData.Epoch, Ct));
        Assert.False(await store.ConsumeAsync("tnt_b", approval.Id, TestData.Epoch, Ct));
        Assert.Empty(await store.ListAsync("tnt_b", null, 10, Ct));
        Assert.Equal(ApprovalStatus.Pending, (await store.GetAsync("tnt_a", approval.Id, Ct))!.Status);
    }

    [Fact]
    public async Task List_NewestFirst_FilteredByStatus_UpToTheLimit()
    {
        var store = Open(NewLocation());
        for (int i = 0; i < 5; i++)
        {
            await store.CreateAsync(Approval("tnt_a", "a" + i, TestData.Epoch.AddMinutes(i)), Ct);
        }

        await store.DecideAsync("tnt_a", Id("a1"), ApprovalStatus.Denied, "admin:k1", null, TestData.Epoch.AddMinutes(9), Ct);
        await store.DecideAsync("tnt_a", Id("a3"), ApprovalStatus.Approved, "admin:k1", null, TestData.Epoch.AddMinutes(9), Ct);

        Assert.Equal([Id("a4"), Id("a3"), Id("a2"), Id("a1"), Id("a0")], (await store.ListAsync("tnt_a", null, 10, Ct)).Select(a => a.Id));
        Assert.Equal([Id("a4"), Id("a2"), Id("a0")], (await store.ListAsync("tnt_a", ApprovalStatus.Pending, 10, Ct)).Select(a => a.Id));
        Assert.Equal([Id("a4"), Id("a2")], (await store.ListAsync("tnt_a", ApprovalStatus.Pending, 2, Ct)).Select(a => a.Id));
        Assert.Equal([Id("a3")], (await store.ListAsync("tnt_a", ApprovalStatus.Approved, 10, Ct)).Select(a => a.Id));
        Assert.Empty(await store.ListAsync("tnt_a", ApprovalStatus.Used, 10, Ct));
    }

    [Fact]
    public async Task Decide_Pending_RecordsTheDecision()
    {
        var store = Open(NewLocation());
        var approval = Approval("tnt_a", "a1", TestData.Epoch);
        await store.CreateAsync(approval, Ct);

        var decided = await store.DecideAsync("tnt_a", approval.Id, ApprovalStatus.Approved, "admin:k1", "looks fine", TestData.Epoch.AddMinutes(1), Ct);

        var expected = approval with { Status = ApprovalStatus.Approved, DecidedBy = "admin:k1", DecidedAt = TestData.Epoch.AddMinutes(1), Comment = "looks fine" };
        AssertSame(expected, decided);
        AssertSame(expected, await store.GetAsync("tnt_a", approval.Id, Ct));
    }

    [Fact]
    public async Task Decide_AlreadyDecided_KeepsTheFirstDecision()
    {
        var store = Open(NewLocation());
        var approval = Approval("tnt_a", "a1", TestData.Epoch);
        await store.CreateAsync(approval, Ct);
        await store.DecideAsync("tnt_a", approval.Id, ApprovalStatus.Denied, "admin:k1", "no", TestData.Epoch.AddMinutes(1), Ct);

        var second = await store.DecideAsync("tnt_a", approval.Id, ApprovalStatus.Approved, "judge", null, TestData.Epoch.AddMinutes(2), Ct);

        Assert.Equal((ApprovalStatus.Denied, "admin:k1", TestData.Epoch.AddMinutes(1), "no"), (second!.Status, second.DecidedBy, second.DecidedAt, second.Comment));
        Assert.Equal(ApprovalStatus.Denied, (await store.GetAsync("tnt_a", approval.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Decide_ConcurrentDeciders_ExactlyOneWins()
    {
        var store = Open(NewLocation());
        var approval = Approval("tnt_a", "a1", TestData.Epoch);
        await store.CreateAsync(approval, Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.DecideAsync(
            "tnt_a", approval.Id, i % 2 == 0 ? ApprovalStatus.Approved : ApprovalStatus.Denied, "admin:k" + i, null, TestData.Epoch.AddSeconds(i), Ct)));

        var stored = await store.GetAsync("tnt_a", approval.Id, Ct);
        var winner = int.Parse(stored!.DecidedBy!["admin:k".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(winner % 2 == 0 ? ApprovalStatus.Approved : ApprovalStatus.Denied, stored.Status);
        Assert.Equal(TestData.Epoch.AddSeconds(winner), stored.DecidedAt);
        Assert.All(results, r => Assert.Equal((stored.Status, stored.DecidedBy, stored.DecidedAt), (r!.Status, r.DecidedBy, r.DecidedAt)));
    }

    [Fact]
    public async Task Consume_Approved_OnlyOnce()
    {
        var store = Open(NewLocation());
        var approval = Approval("tnt_a", "a1", TestData.Epoch);
        await store.CreateAsync(approval, Ct);
        await store.DecideAsync("tnt_a", approval.Id, ApprovalStatus.Approved, "admin:k1", null, TestData.Epoch.AddMinutes(1), Ct);

        Assert.True(await store.ConsumeAsync("tnt_a", approval.Id, TestData.Epoch.AddMinutes(2), Ct));
        Assert.False(await store.ConsumeAsync("tnt_a", approval.Id, TestData.Epoch.AddMinutes(3), Ct));

        Assert.Equal(ApprovalStatus.Used, (await store.GetAsync("tnt_a", approval.Id, Ct))!.Status);
        Assert.Equal(ApprovalStatus.Used, (await store.DecideAsync("tnt_a", approval.Id, ApprovalStatus.Approved, "admin:k2", null, TestData.Epoch.AddMinutes(4), Ct))!.Status);
    }

    [Fact]
    public async Task Consume_PendingDeniedOrUnknown_IsRefused()
    {
        var store = Open(NewLocation());
        await store.CreateAsync(Approval("tnt_a", "pending", TestData.Epoch), Ct);
        await store.CreateAsync(Approval("tnt_a", "denied", TestData.Epoch), Ct);
        await store.DecideAsync("tnt_a", Id("denied"), ApprovalStatus.Denied, "admin:k1", null, TestData.Epoch, Ct);

        Assert.False(await store.ConsumeAsync("tnt_a", Id("pending"), TestData.Epoch, Ct));
        Assert.False(await store.ConsumeAsync("tnt_a", Id("denied"), TestData.Epoch, Ct));
        Assert.False(await store.ConsumeAsync("tnt_a", Id("unknown"), TestData.Epoch, Ct));
        Assert.Equal(ApprovalStatus.Pending, (await store.GetAsync("tnt_a", Id("pending"), Ct))!.Status);
    }

    [Fact]
    public async Task Consume_AtOrAfterExpiry_IsRefusedAndLeavesItApproved()
    {
        var store = Open(NewLocation());
        var approval = Approval("tnt_a", "a1", TestData.Epoch);
        await store.CreateAsync(approval, Ct);
        await store.DecideAsync("tnt_a", approval.Id, ApprovalStatus.Approved, "admin:k1", null, approval.ExpiresAt.AddSeconds(-1), Ct);

        Assert.False(await store.ConsumeAsync("tnt_a", approval.Id, approval.ExpiresAt, Ct));
        Assert.False(await store.ConsumeAsync("tnt_a", approval.Id, approval.ExpiresAt.AddDays(1), Ct));

        Assert.Equal(ApprovalStatus.Approved, (await store.GetAsync("tnt_a", approval.Id, Ct))!.Status);
        Assert.True(await store.ConsumeAsync("tnt_a", approval.Id, approval.ExpiresAt.AddTicks(-1), Ct));
    }

    [Fact]
    public async Task Consume_ConcurrentRetries_ExactlyOneGoesThrough()
    {
        var store = Open(NewLocation());
        var approval = Approval("tnt_a", "a1", TestData.Epoch);
        await store.CreateAsync(approval, Ct);
        await store.DecideAsync("tnt_a", approval.Id, ApprovalStatus.Approved, "admin:k1", null, TestData.Epoch, Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => store.ConsumeAsync("tnt_a", approval.Id, TestData.Epoch.AddMinutes(1), Ct)));

        Assert.Single(results, r => r);
        Assert.Equal(ApprovalStatus.Used, (await store.GetAsync("tnt_a", approval.Id, Ct))!.Status);
    }

    [Fact]
    public async Task ApproveRacingRetries_NoRetryGoesThroughBeforeTheApproval_AtMostOneAfter()
    {
        var store = Open(NewLocation());
        var approval = Approval("tnt_a", "a1", TestData.Epoch);
        await store.CreateAsync(approval, Ct);

        var consumes = Enumerable.Range(0, 6).Select(_ => store.ConsumeAsync("tnt_a", approval.Id, TestData.Epoch.AddMinutes(1), Ct)).ToArray();
        var decide = store.DecideAsync("tnt_a", approval.Id, ApprovalStatus.Approved, "admin:k1", null, TestData.Epoch.AddMinutes(1), Ct);
        var results = await Task.WhenAll(consumes);
        await decide;

        var stored = await store.GetAsync("tnt_a", approval.Id, Ct);
        Assert.True(results.Count(r => r) <= 1);
        Assert.Equal(results.Any(r => r) ? ApprovalStatus.Used : ApprovalStatus.Approved, stored!.Status);
        Assert.Equal("admin:k1", stored.DecidedBy);
    }

    [Fact]
    public async Task Reopen_KeepsApprovalsAndDecisions()
    {
        var location = NewLocation();
        var first = Open(location);
        var approval = Approval("tnt_a", "a1", TestData.Epoch);
        await first.CreateAsync(approval, Ct);
        await first.DecideAsync("tnt_a", approval.Id, ApprovalStatus.Approved, "judge", null, TestData.Epoch, Ct);

        var reopened = Open(location);

        Assert.Equal(ApprovalStatus.Approved, (await reopened.GetAsync("tnt_a", approval.Id, Ct))!.Status);
        Assert.True(await reopened.ConsumeAsync("tnt_a", approval.Id, TestData.Epoch, Ct));
    }

    /// <summary>A well-formed approval id (`apr_` + 26 base32 characters) derived from <paramref name="seed"/>.</summary>
    private static string Id(string seed)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        return "apr_" + string.Concat(hash.Take(26).Select(b => "abcdefghijklmnopqrstuvwxyz234567"[b & 31]));
    }

    private static Approval Approval(string tenantId, string seed, DateTimeOffset createdAt) => new()
    {
        Id = Id(seed),
        TenantId = tenantId,
        AgentId = "agt_triage",
        UserId = "oidc|u-1",
        Tool = "zendesk/create_ticket",
        ArgumentsHash = PolicyStoreContract.Hash("args-" + seed),
        Reason = "refunds over 100 need a person",
        PolicyIds = ["refund-escalation"],
        Intent = "refund the customer",
        Status = ApprovalStatus.Pending,
        CreatedAt = createdAt,
        ExpiresAt = createdAt.AddMinutes(15),
    };

    private static void AssertSame(Approval expected, Approval? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.PolicyIds, actual.PolicyIds);
        Assert.Equal(expected with { PolicyIds = NoIds }, actual with { PolicyIds = NoIds });
    }
}
