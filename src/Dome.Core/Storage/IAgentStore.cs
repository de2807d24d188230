using Dome.Core.Registry;

namespace Dome.Core.Storage;

/// <summary>Agent records and their append-only history.</summary>
public interface IAgentStore
{
    /// <summary>Stores a new agent, its key hash and its first event; false if the name is taken in the workspace.</summary>
    Task<bool> CreateAsync(Agent agent, string keyHash, AgentEvent registered, CancellationToken cancellationToken);

    Task<Agent?> FindAsync(string tenantId, string workspace, string name, CancellationToken cancellationToken);

    Task<Agent?> FindByIdAsync(string tenantId, string agentId, CancellationToken cancellationToken);

    /// <summary>The agent holding an API key id, with the key's stored hash.</summary>
    Task<(Agent Agent, string KeyHash)?> FindByKeyIdAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Agents of a tenant, optionally of one workspace and one owner, ordered by workspace then name.</summary>
    Task<IReadOnlyList<Agent>> ListAsync(string tenantId, string? workspace, string? owner, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the agent when its stored version is <paramref name="expectedVersion"/>, appending the event
    /// (and the new key hash, when the key rotated) in the same change; false when someone changed it first.
    /// </summary>
    Task<bool> UpdateAsync(Agent agent, long expectedVersion, AgentEvent change, string? newKeyHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentEvent>> ListEventsAsync(string tenantId, string agentId, CancellationToken cancellationToken);

    /// <summary>
    /// The events of every tenant not yet processed by the lifecycle function that happened before
    /// <paramref name="before"/> and are not deferred past <paramref name="now"/> (<see cref="DeferRedeliveryAsync"/>),
    /// oldest first, at most <paramref name="limit"/>, as the messages announcing them (for the redelivery sweep: an
    /// event whose message was never sent, or was lost, is announced again).
    /// </summary>
    Task<IReadOnlyList<Lifecycle.LifecycleMessage>> ListUnprocessedEventsAsync(DateTimeOffset before, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records that an unprocessed event was announced again and is not to be listed by
    /// <see cref="ListUnprocessedEventsAsync"/> before <paramref name="until"/>; false if there is no such event.
    /// </summary>
    Task<bool> DeferRedeliveryAsync(string tenantId, string agentId, long sequence, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Records that the lifecycle function processed an event; false if there is no such event.</summary>
    Task<bool> MarkEventProcessedAsync(string tenantId, string agentId, long sequence, DateTimeOffset at, CancellationToken cancellationToken);
}
