using System.Text.Json.Nodes;
using Dome.Core.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Hosting;

/// <summary>The embedded dispatcher plays the Functions host: functions invoked in process (the HTTP routes answer the host's envelopes), retries, then the poison queue.</summary>
public sealed class QueueDispatchTests : ServerTestBase
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Dome:Dispatcher:RetryDelay"] = "00:00:00.050" };

    [Fact]
    public async Task FailingLifecycleMessage_IsRetriedFiveTimes_ThenMovedToPoison()
    {
        var queue = Server.Services.GetRequiredService<IMessageQueue>();
        var body = """{"tenantId":"tnt_x","agentId":"agt_missing","agentName":"ghost","workspace":"default","sequence":1,"kind":"activated","from":"provisioned","to":"active","at":"2026-11-01T00:00:00Z"}""";

        await queue.SendAsync(QueueNames.Lifecycle, body, Api.Ct);

        // The dispatcher copies to the poison queue first and then deletes the original, so nothing is lost between.
        await Api.EventuallyAsync(
            async () => await queue.CountAsync("dome-lifecycle-poison", Api.Ct) == 1 && await queue.CountAsync(QueueNames.Lifecycle, Api.Ct) == 0,
            "the message to move to dome-lifecycle-poison");
        Assert.Equal(body, Assert.Single(await queue.PeekAsync("dome-lifecycle-poison", 10, Api.Ct)).Body);
        var retries = Server.Logs.Entries.Where(e => e.EventId == 3000).Select(e => e.Message).ToArray();
        Assert.Equal(4, retries.Length);
        for (var delivery = 1; delivery <= 4; delivery++)
        {
            Assert.Contains($"on delivery {delivery};", retries[delivery - 1], StringComparison.Ordinal);
        }

        var failures = Server.Logs.Entries.Where(e => e.EventId == 2000).Select(e => e.Message).ToArray();
        Assert.Equal(5, failures.Length);
        Assert.Contains("5 times; moved it to dome-lifecycle-poison", Assert.Single(Server.Logs.Entries, e => e.EventId == 3001).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditMessages_OneBroken_OthersStored_BrokenOneParkedInPoison()
    {
        var queue = Server.Services.GetRequiredService<IMessageQueue>();
        var store = Server.Services.GetRequiredService<Core.Audit.IAuditStore>();
        static string Event(string id) => Core.Audit.AuditJson.Serialize(new Core.Audit.AuditEvent
        {
            Id = id,
            Kind = Core.Audit.AuditEventKinds.ToolCall,
            Time = DateTimeOffset.UtcNow,
            TenantId = "tnt_dispatch",
            Decision = Core.Audit.AuditDecisions.Allow,
        });

        // Sent back to back, so the dispatcher usually receives them as one batch: the batch's single append fails on
        // the broken message, and each message is then processed alone.
        await queue.SendAsync(QueueNames.Audit, Event("call_a"), Api.Ct);
        await queue.SendAsync(QueueNames.Audit, "{not an event", Api.Ct);
        await queue.SendAsync(QueueNames.Audit, Event("call_b"), Api.Ct);

        await Api.EventuallyAsync(
            async () => await queue.CountAsync("dome-audit-poison", Api.Ct) == 1 && await queue.CountAsync(QueueNames.Audit, Api.Ct) == 0,
            "the broken message to move to dome-audit-poison");
        var stored = await store.QueryAsync(new Core.Audit.AuditQuery { TenantId = "tnt_dispatch" }, Api.Ct);
        Assert.Equal(["call_a", "call_b"], stored.Events.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal("{not an event", Assert.Single(await queue.PeekAsync("dome-audit-poison", 10, Api.Ct)).Body);
    }

    [Fact]
    public async Task LifecycleEndpoint_HostEnvelope_ProcessesAndAnswersWithFunctionResult()
    {
        using var admin = Server.Client(Server.AdminKey);
        var agent = (await Api.PostAsync(admin, "/v1/admin/agents", Api.Registration("triage"))).Body!["agent"]!;
        await WaitForQuietAsync();
        var message = new JsonObject
        {
            ["tenantId"] = (await Api.GetAsync(admin, "/v1/admin/tenant")).Body!["id"]!.GetValue<string>(),
            ["agentId"] = Api.Str(agent, "id"),
            ["agentName"] = "triage",
            ["workspace"] = "default",
            ["sequence"] = 1,
            ["kind"] = "registered",
            ["from"] = null,
            ["to"] = "provisioned",
            ["at"] = "2026-11-01T00:00:00Z",
        };
        // The Functions host passes a queue message as a JSON string under the binding's name.
        var envelope = new JsonObject
        {
            ["Data"] = new JsonObject { ["message"] = message.ToJsonString() },
            ["Metadata"] = new JsonObject { ["DequeueCount"] = 1, ["Id"] = "abc", ["sys"] = new JsonObject { ["MethodName"] = "lifecycle" } },
        };

        var (status, result) = await Api.PostAsync(Server.Client(), "/lifecycle", envelope.ToJsonString());
        var (missingStatus, _) = await Api.PostAsync(Server.Client(), "/lifecycle", """{"Data":{},"Metadata":{}}""");
        message["sequence"] = 42;
        envelope["Data"] = new JsonObject { ["message"] = message.ToJsonString() };
        var (failedStatus, failed) = await Api.PostAsync(Server.Client(), "/lifecycle", envelope.ToJsonString());

        Assert.Equal(200, status);
        Assert.NotNull(result!["Outputs"]);
        Assert.NotNull(result["Logs"]);
        Assert.Equal(400, missingStatus);
        Assert.Equal(500, failedStatus);
        Assert.Contains("lifecycle failed", failed!["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_NeverHoldKeys()
    {
        using var admin = Server.Client(Server.AdminKey);
        var apiKey = Api.Str((await Api.PostAsync(admin, "/v1/admin/agents", Api.Registration("triage"))).Body, "apiKey");
        var rotated = Api.Str((await Api.PostAsync(admin, "/v1/admin/agents/triage/rotate-key")).Body, "apiKey");
        await Api.PostAsync(Server.Client("dome_adm_0000000000000000_wrong-secret"), "/v1/admin/agents", Api.Registration("x"));
        await WaitForQuietAsync();

        var everything = string.Join("\n", Server.Logs.Entries.Select(e => e.Message + e.Exception));
        Assert.NotEmpty(Server.Logs.Entries);
        foreach (var secret in new[] { Server.AdminKey, Server.OperatorKey, apiKey, rotated, "wrong-secret" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }
}
