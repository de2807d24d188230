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

    /// <summary>How long a failed message stays hidden before its next delivery (the host's <c>visibilityTimeout</c>).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a message being processed stays hidden from other readers.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle queue is polled.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Base address the dispatcher posts to; by default the server's own first address.</summary>
    public Uri? BaseAddress { get; init; }
}
