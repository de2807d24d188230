using System.ComponentModel.DataAnnotations;

namespace Dome.Functions.Hosting;

/// <summary><c>Dome:Dispatcher</c>: how the embedded dispatcher plays the Functions host's queue triggers.</summary>
internal sealed record DispatcherOptions
{
    public const string Section = "Dome:Dispatcher";

    /// <summary>Whether this process dispatches its own queues (embedded mode). Off under the Functions host.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Deliveries before a message moves to <c>&lt;queue&gt;-poison</c> (the host's <c>maxDequeueCount</c>).</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>How many messages one receive takes (the host's <c>batchSize</c>; at most 32, Azure's limit per receive).</summary>
    [Range(1, 32)]
    public int BatchSize { get; init; } = 32;

    /// <summary>How long a failed message stays hidden before its next delivery (the host's <c>visibilityTimeout</c>).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a message being processed stays hidden from other readers.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long the dispatcher waits after a partial batch before receiving again, so that under steady load the next
    /// batch gathers more messages (fewer, larger transactions); after a full batch it goes on at once.
    /// </summary>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How often an idle queue is polled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// When set, the dispatcher POSTs each message's envelope to this address, as the Functions host does; by default
    /// it invokes the functions in process.
    /// </summary>
    public Uri? BaseAddress { get; init; }
}
