using System.Collections.Concurrent;
using Dome.Core.Lifecycle;
using Dome.Core.Registry;
using Dome.Core.Storage;
using Microsoft.Extensions.Options;

namespace Dome.Tokens.Validation;

/// <summary>
/// The agent records the token validator checks, remembered briefly. Every processed lifecycle event (suspend,
/// revoke, resume, key rotation) drops the agent's entry at once, so a suspended agent's tokens are refused as
/// soon as the lifecycle queue delivers the event; the short TTL only bounds staleness where no event arrives.
/// </summary>
public sealed class AgentStatusCache(IAgentStore agents, TimeProvider time, IOptions<TokenOptions> options) : ILifecycleObserver
{
    private readonly ConcurrentDictionary<(string TenantId, string AgentId), Entry> entries = new();
    private long generation;

    /// <summary>The agent as stored (at most the TTL old, and never older than its last processed lifecycle event).</summary>
    public async ValueTask<Agent?> GetAsync(string tenantId, string agentId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var key = (tenantId, agentId);
        if (entries.TryGetValue(key, out var cached) && now - cached.At < options.Value.AgentStatusCacheTtl)
        {
            return cached.Agent;
        }

        // A lifecycle event that lands while the store is read must win over what the read returns.
        var seen = Interlocked.Read(ref generation);
        var agent = await agents.FindByIdAsync(tenantId, agentId, cancellationToken).ConfigureAwait(false);
        if (Interlocked.Read(ref generation) == seen)
        {
            entries[key] = new Entry(agent, now);
        }

        return agent;
    }

    public Task OnLifecycleEventAsync(LifecycleMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref generation);
        entries.TryRemove((message.TenantId, message.AgentId), out _);
        return Task.CompletedTask;
    }

    private sealed record Entry(Agent? Agent, DateTimeOffset At);
}
