using Dome.Core.Audit;
using Dome.Core.Secrets;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Gateway;

/// <summary>Every dependency outage ends in a clear error, never an allow, and the call is audited.</summary>
public sealed class FailClosedTests : GatewayTestBase
{
    private readonly Switch secretStore = new();
    private readonly Switch auditSink = new();
    private readonly Switch auditCompleted = new();
    private readonly Switch auditStore = new();

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Dome:Gateway:UpstreamTimeout"] = "00:00:00.300",
        ["Dome:Dispatcher:RetryDelay"] = "00:00:00.100",
        ["Dome:Dispatcher:MaxDequeueCount"] = "50",
    };

    protected override Action<IServiceCollection>? Services => services =>
    {
        services.Decorate<ISecretStore>((inner, _) => new FaultySecretStore(inner, secretStore));
        services.Decorate<IAuditSink>((inner, _) => new FaultyAuditSink(inner, auditSink, auditCompleted));
        if (services.Any(d => d.ServiceType == typeof(IAuditStore)))
        {
            services.Decorate<IAuditStore>((inner, _) => new FaultyAuditStore(inner, auditStore));
        }
    };

    [Fact]
    public async Task Call_SecretStoreUnavailable_Is503ErrorAndNotForwarded()
    {
        secretStore.Down = true;

        var (status, body, _) = await CallAsync(Ticket());

        Assert.Equal(503, status);
        Assert.Equal("credential_unavailable", Api.Str(body, "code"));
        Assert.Equal("error", Api.Str(body, "decision"));
        Assert.Null(body!["result"]);
        Assert.Empty(Upstream.Requests);
        var audited = await AuditOfAsync(Api.Str(body, "callId"));
        Assert.Equal(AuditDecisions.Error, audited.Decision);
        Assert.Equal("credential_unavailable", audited.Reason);
    }

    [Fact]
    public async Task Call_SecretMissing_Is503AndNamesTheSecret()
    {
        await Server.Services.GetRequiredService<ISecretStore>().DeleteAsync(TenantId, "zendesk-token", Api.Ct);

        var (status, body, _) = await CallAsync(Ticket());

        Assert.Equal(503, status);
        Assert.Contains("zendesk-token", Api.Str(body, "detail"), StringComparison.Ordinal);
        Assert.DoesNotContain(UpstreamSecret, body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(Upstream.Requests);
    }

    [Fact]
    public async Task Call_UpstreamTimeout_Is504ErrorAndAudited()
    {
        Upstream.Answer("/api/v2/tickets", """{"late":true}""", delay: TimeSpan.FromSeconds(5));

        var (status, body, _) = await CallAsync(Ticket());

        Assert.Equal(504, status);
        Assert.Equal("upstream_timeout", Api.Str(body, "code"));
        Assert.Equal("error", Api.Str(body, "decision"));
        Assert.Null(body!["result"]);
        var audited = await AuditOfAsync(Api.Str(body, "callId"));
        Assert.Equal(AuditDecisions.Error, audited.Decision);
        Assert.Equal("upstream_timeout", audited.Reason);
    }

    [Fact]
    public async Task Call_UpstreamDown_Is502Error()
    {
        var address = Upstream.BaseAddress;
        await Upstream.DisposeAsync();

        var (status, body, _) = await CallAsync(Ticket());

        Assert.Equal(502, status);
        Assert.Equal("upstream_unavailable", Api.Str(body, "code"));
        Assert.Equal("error", Api.Str(body, "decision"));
        Assert.DoesNotContain(address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/", Api.Str(body, "detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_AuditQueueUnavailable_WithholdsTheResult()
    {
        auditSink.Down = true;

        var (status, body, _) = await CallAsync(Ticket());

        Assert.Equal(503, status);
        Assert.Equal("audit_unavailable", Api.Str(body, "code"));
        Assert.NotEqual("allow", Api.Str(body, "decision"));
        Assert.Null(body!["result"]);
        Assert.Empty(Upstream.Requests); // the decided stage could not be written, so nothing went upstream
    }

    [Fact]
    public async Task Call_OutcomeCannotBeWritten_ResultWithheldAndTheDecidedEventIsStored()
    {
        // As if the process died after forwarding: the completed stage never reaches the queue.
        auditCompleted.Down = true;

        var (status, body, _) = await CallAsync(Ticket());

        Assert.Equal(503, status);
        Assert.Equal("audit_unavailable", Api.Str(body, "code"));
        Assert.Null(body!["result"]);
        Assert.Single(Upstream.Requests);
        var store = Server.Services.GetRequiredService<IAuditStore>();
        var callId = Api.Str(body, "callId");
        await Api.EventuallyAsync(
            async () => (await store.QueryAsync(new AuditQuery { TenantId = TenantId }, Api.Ct)).Events.Any(e => e.Id == callId),
            "the decided event to reach the store");
        var stored = Assert.Single((await store.QueryAsync(new AuditQuery { TenantId = TenantId }, Api.Ct)).Events, e => e.Id == callId);
        Assert.Equal((AuditStages.Decided, AuditDecisions.Allow), (stored.Stage, stored.Decision));
    }

    [Fact]
    public async Task Call_AuditStoreUnavailable_IsBufferedOnTheQueueAndStoredWhenBack()
    {
        Assert.SkipUnless(Server.Services.GetService<IAuditStore>() is not null, "the audit store is not wired in this build yet");
        auditStore.Down = true;

        var (status, body, _) = await CallAsync(Ticket());
        Assert.True(status == 200, body?.ToJsonString());
        var callId = Api.Str(body, "callId");
        var store = Server.Services.GetRequiredService<IAuditStore>();
        await Task.Delay(300, Api.Ct);
        Assert.DoesNotContain((await store.QueryAsync(new AuditQuery { TenantId = TenantId }, Api.Ct)).Events, e => e.Id == callId);

        auditStore.Down = false;
        await Api.EventuallyAsync(
            async () => (await store.QueryAsync(new AuditQuery { TenantId = TenantId }, Api.Ct)).Events.Any(e => e.Id == callId),
            "the buffered audit event to reach the store");
        Assert.Equal(AuditDecisions.Allow, (await AuditOfAsync(callId)).Decision);
    }
}
