namespace Dome.Core.Queues;

/// <summary>A message received from a queue, hidden from other readers until it is deleted or its visibility lapses.</summary>
public sealed record QueueMessage
{
    public required string Id { get; init; }

    /// <summary>Proves the holder received this delivery; required to delete or release it.</summary>
    public required string PopReceipt { get; init; }

    public required string Body { get; init; }

    /// <summary>How many times the message has been received, this delivery included.</summary>
    public required int DequeueCount { get; init; }

    public required DateTimeOffset InsertedAt { get; init; }

    public required DateTimeOffset NextVisibleAt { get; init; }
}
