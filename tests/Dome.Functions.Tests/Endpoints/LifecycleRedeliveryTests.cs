using System.Text.Json.Nodes;
using Dome.Core.Lifecycle;
using Dome.Core.Queues;
using Dome.Functions.Tests.Gateway;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Endpoints;

/// <summary>
/// No lifecycle event is lost between the registry write and the queue send: with the queue refusing sends, a change is
/// still stored (the event is the outbox); once the queue is back the redelivery sweep announces the unprocessed event
/// and the <c>lifecycle</c> function processes it. Real server, real SQLite queue behind a switchable wrapper.
/// </summary>
public sealed class LifecycleRedeliveryTests : ServerTestBase
{
    private readonly Switch queue = new();

    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        [LifecycleOptions.Section + ":RedeliverAfter"] = "00:00:01",
    };

    protected override Action<IServiceCollection>? Services => services =>
        services.Decorate<IMessageQueue>((inner, _) => new FaultyLifecycleQueue(inner, queue));

    [Fact]
    public async Task Suspend_WhileTheQueueRefusesSends_IsStoredAndProcessedOnceTheQueueIsBack()
    {
        using var client = Server.Client(Server.AdminKey);
        Assert.Equal(201, (await Api.PostAsync(client, "/v1/admin/agents", Api.Registration("triage"))).Status);
        Assert.Equal(200, (await Api.PostAsync(client, "/v1/admin/agents/triage/activate")).Status);
        await Api.EventuallyAsync(async () => (await HistoryAsync(client)).All(e => e!["processedAt"] is not null), "the first events to be processed");

        queue.Down = true;
        var (status, body) = await Api.PostAsync(client, "/v1/admin/agents/triage/suspend");

        Assert.Equal(200, status);
        Assert.Equal("suspended", Api.Str(body, "status"));
        var suspended = (await HistoryAsync(client))[^1]!;
        Assert.Equal("suspended", Api.Str(suspended, "to"));
        Assert.Null(suspended["processedAt"]);
        Assert.Equal(0, await Server.Services.GetRequiredService<IMessageQueue>().CountAsync(QueueNames.Lifecycle, Api.Ct));

        // While the queue is down the sweep cannot announce it either (it fails and retries at the next interval).
        Assert.Equal(0, await RedeliverWhileDownAsync());

        queue.Down = false;
        await Api.EventuallyAsync(async () => (await HistoryAsync(client))[^1]!["processedAt"] is not null, "the suspend event to be redelivered and processed");
    }

    [Fact]
    public async Task Redeliver_AnEventAlreadyProcessed_IsNotSentAgain_AndADuplicateMessageIsHarmless()
    {
        using var client = Server.Client(Server.AdminKey);
        await Api.PostAsync(client, "/v1/admin/agents", Api.Registration("triage"));
        await Api.EventuallyAsync(async () => (await HistoryAsync(client)).All(e => e!["processedAt"] is not null), "the registration to be processed");
        var processedAt = Api.Str((await HistoryAsync(client))[0], "processedAt");

        Assert.Equal(0, await Server.Services.GetRequiredService<LifecycleRedelivery>().RedeliverAsync(Api.Ct));

        // The same event announced twice (a redelivery racing a slow first delivery) is processed without change.
        var agent = (await Api.GetAsync(client, "/v1/admin/agents/triage")).Body!;
        var tenant = (await Api.GetAsync(client, "/v1/admin/tenant")).Body!;
        var duplicate = new JsonObject
        {
            ["tenantId"] = Api.Str(tenant, "id"), ["agentId"] = Api.Str(agent, "id"), ["agentName"] = "triage", ["workspace"] = "default",
            ["sequence"] = 1, ["kind"] = "registered", ["from"] = null, ["to"] = "provisioned", ["at"] = DateTimeOffset.UtcNow,
        };
        await Server.Services.GetRequiredService<LifecycleProcessor>().ProcessAsync(duplicate.ToJsonString(), Api.Ct);

        Assert.Equal(processedAt, Api.Str((await HistoryAsync(client))[0], "processedAt"));
    }

    private async Task<int> RedeliverWhileDownAsync()
    {
        try
        {
            return await Server.Services.GetRequiredService<LifecycleRedelivery>().RedeliverAsync(Api.Ct);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task<JsonArray> HistoryAsync(HttpClient client) =>
        (await Api.GetAsync(client, "/v1/admin/agents/triage")).Body!["history"]!.AsArray();
}
