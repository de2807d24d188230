namespace Dome.Functions.Hosting;

/// <summary>A queue-triggered function: its name (the route the host posts to), its queue and its binding name.</summary>
internal sealed record QueueFunction
{
    public required string Name { get; init; }

    public required string Queue { get; init; }

    /// <summary>The trigger binding's name in <c>function.json</c>: the key of the message in the envelope's <c>Data</c>.</summary>
    public required string Binding { get; init; }

    public static IReadOnlyList<QueueFunction> All { get; } =
    [
        new() { Name = "lifecycle", Queue = Core.Queues.QueueNames.Lifecycle, Binding = "message" },
        new() { Name = "audit", Queue = Core.Queues.QueueNames.Audit, Binding = "message" },
    ];
}
