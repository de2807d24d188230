using System.Text.Json.Nodes;
using Dome.Core.Queues;
using Dome.Functions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dome.Functions.Tests.Azure;

/// <summary>
/// A local stand-in for the Azure Functions host's queue triggers (the host itself cannot run here): it reads the
/// queue-trigger bindings from the app's <c>function.json</c> files and the retry settings from <c>host.json</c>
/// (<c>extensions.queues.maxDequeueCount</c>, <c>visibilityTimeout</c>), polls those queues on Azure Storage
/// (Azurite) with its own client, and POSTs the documented <c>{Data, Metadata}</c> envelopes to the app over HTTP,
/// with the host's retries and poison queue (the app's <see cref="QueueTriggerDispatcher"/>, run outside the app).
/// </summary>
internal sealed class FunctionsHostStandIn : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly HttpClient http;
    private readonly Task running;

    private FunctionsHostStandIn(IMessageQueue queue, Uri app, IReadOnlyList<QueueFunction> functions, DispatcherOptions settings, ILogger logger)
    {
        Functions = functions;
        Settings = settings;
        http = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromMinutes(1) };
        var dispatcher = new QueueTriggerDispatcher(queue, functions, settings, TimeProvider.System, logger);
        running = Task.Run(() => dispatcher.RunAsync(QueueTriggerDispatcher.OverHttp(http, TimeProvider.System), stop.Token));
    }

    public IReadOnlyList<QueueFunction> Functions { get; }

    public DispatcherOptions Settings { get; }

    public static FunctionsHostStandIn Start(IMessageQueue queue, Uri app, ILogger? logger = null)
    {
        var functions = QueueTriggers(AppContext.BaseDirectory);
        var queues = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "host.json")))?["extensions"]?["queues"];
        var settings = new DispatcherOptions
        {
            MaxDequeueCount = queues?["maxDequeueCount"]?.GetValue<int>() ?? 5,
            BatchSize = queues?["batchSize"]?.GetValue<int>() ?? 16,
            RetryDelay = TimeSpan.Parse(queues?["visibilityTimeout"]?.GetValue<string>() ?? "00:00:00", System.Globalization.CultureInfo.InvariantCulture),
            Lease = TimeSpan.FromMinutes(1),
            PollInterval = TimeSpan.FromMilliseconds(50),
        };
        return new FunctionsHostStandIn(queue, app, functions, settings, logger ?? NullLogger.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        http.Dispose();
        stop.Dispose();
    }

    /// <summary>Every <c>queueTrigger</c> binding in <c>&lt;dir&gt;/*/function.json</c>, as the host discovers functions.</summary>
    public static IReadOnlyList<QueueFunction> QueueTriggers(string directory) =>
    [
        .. Directory.GetDirectories(directory)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .SelectMany(d => (JsonNode.Parse(File.ReadAllText(Path.Combine(d, "function.json")))?["bindings"]?.AsArray() ?? [])
                .Where(b => b?["type"]?.GetValue<string>() == "queueTrigger" && b["direction"]?.GetValue<string>() == "in")
                .Select(b => new QueueFunction
                {
                    Name = Path.GetFileName(d),
                    Queue = b!["queueName"]!.GetValue<string>(),
                    Binding = b["name"]!.GetValue<string>(),
                }))
            .OrderBy(f => f.Name, StringComparer.Ordinal),
    ];

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "host.json")) && File.Exists(Path.Combine(directory.FullName, "Dome.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("host.json not found above " + AppContext.BaseDirectory);
    }
}
