using Dome.Core.Queues;
using Dome.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests;

/// <summary>Gives each test its own real server on loopback with a fresh data directory.</summary>
public abstract class ServerTestBase : IAsyncLifetime
{
    private readonly TempDirectory directory = new();

    protected DomeTestServer Server { get; private set; } = null!;

    protected string DataDir => directory.Path;

    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>Extra service registrations (fault injectors) for the server under test.</summary>
    protected virtual Action<IServiceCollection>? Services => null;

    public virtual async ValueTask InitializeAsync() => Server = await DomeTestServer.StartAsync(directory.Path, Settings, Services);

    public virtual async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        directory.Dispose();
    }

    protected async Task RestartAsync()
    {
        await Server.DisposeAsync();
        Server = await DomeTestServer.StartAsync(directory.Path, Settings, Services);
    }

    /// <summary>Waits until the lifecycle queue is drained, so the store no longer changes on its own.</summary>
    protected Task WaitForQuietAsync()
    {
        var queue = Server.Services.GetRequiredService<IMessageQueue>();
        return Api.EventuallyAsync(async () => await queue.CountAsync(QueueNames.Lifecycle, Api.Ct) == 0, "the lifecycle queue to drain");
    }
}
