using Dome.Core.Errors;
using Dome.Core.Lifecycle;
using Dome.Core.Queues;
using Dome.Core.Security;
using Dome.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Dome.Core.Registry;

/// <summary>
/// Registers and operates agents within one tenant. Every change is validated before anything is stored,
/// appended to the agent's history, and announced on the <c>dome-lifecycle</c> queue. The stored event is the outbox:
/// when the announcement fails the change stands (it is stored) and <see cref="LifecycleRedelivery"/> announces the
/// still unprocessed event later.
/// </summary>
public sealed class AgentRegistry(IAgentStore agents, ITenantStore tenants, IMessageQueue queue, TimeProvider time, ILogger<AgentRegistry> logger)
{
    public const string DefaultWorkspace = "default";

    public async Task<RegisteredAgent> RegisterAsync(string tenantId, AgentRegistration request, string actor, CancellationToken cancellationToken = default)
    {
        var workspace = request.Workspace ?? DefaultWorkspace;
        var validated = AgentRegistrationValidator.Validate(request, workspace);
        await RequireWorkspaceAsync(tenantId, workspace, cancellationToken).ConfigureAwait(false);

        var key = SecretKey.Create(KeyPrefixes.ApiKey);
        var now = time.GetUtcNow();
        var agent = validated with
        {
            Id = "agt_" + Guid.CreateVersion7(now).ToString("N"),
            TenantId = tenantId,
            KeyId = key.KeyId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var registered = new AgentEvent
        {
            Sequence = 1,
            AgentId = agent.Id,
            Kind = AgentEventKind.Registered,
            From = null,
            To = AgentStatus.Provisioned,
            Actor = actor,
            At = now,
        };

        if (!await agents.CreateAsync(agent, key.Hash, registered, cancellationToken).ConfigureAwait(false))
        {
            throw DomeException.Conflict($"an agent named `{agent.Name}` already exists in workspace `{workspace}`; pick another name");
        }

        await AnnounceAsync(agent, registered, cancellationToken).ConfigureAwait(false);
        return new RegisteredAgent { Agent = agent, ApiKey = key.Value };
    }

    public async Task<Agent> GetAsync(string tenantId, string? workspace, string name, CancellationToken cancellationToken = default)
    {
        workspace ??= DefaultWorkspace;
        return await agents.FindAsync(tenantId, workspace, name, cancellationToken).ConfigureAwait(false)
            ?? throw DomeException.NotFound($"no agent named `{name}` in workspace `{workspace}`; `dome agents list` shows the registered ones");
    }

    public Task<IReadOnlyList<Agent>> ListAsync(string tenantId, string? workspace, string? owner, CancellationToken cancellationToken = default) =>
        agents.ListAsync(tenantId, workspace, owner, cancellationToken);

    public Task<IReadOnlyList<AgentEvent>> HistoryAsync(Agent agent, CancellationToken cancellationToken = default) =>
        agents.ListEventsAsync(agent.TenantId, agent.Id, cancellationToken);

    public async Task<Agent> TransitionAsync(string tenantId, string? workspace, string name, LifecycleTransition transition, string actor, CancellationToken cancellationToken = default)
    {
        var agent = await GetAsync(tenantId, workspace, name, cancellationToken).ConfigureAwait(false);
        var target = AgentLifecycle.Target(agent.Status, transition) ?? throw IllegalTransition(agent, transition);
        var (updated, _) = await ApplyAsync(agent, AgentLifecycle.EventKind(transition), target, null, actor, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<RegisteredAgent> RotateKeyAsync(string tenantId, string? workspace, string name, string actor, CancellationToken cancellationToken = default)
    {
        var agent = await GetAsync(tenantId, workspace, name, cancellationToken).ConfigureAwait(false);
        if (agent.Status == AgentStatus.Revoked)
        {
            throw new DomeException(
                DomeErrorCode.IllegalTransition,
                $"agent `{agent.Name}` is revoked; a revoked agent gets no new key",
                new Dictionary<string, object?> { ["state"] = WireNames.Of(agent.Status) });
        }

        var key = SecretKey.Create(KeyPrefixes.ApiKey);
        var (updated, _) = await ApplyAsync(agent with { KeyId = key.KeyId }, AgentEventKind.KeyRotated, agent.Status, key.Hash, actor, cancellationToken).ConfigureAwait(false);
        return new RegisteredAgent { Agent = updated, ApiKey = key.Value };
    }

    private async Task<(Agent Agent, AgentEvent Event)> ApplyAsync(Agent agent, AgentEventKind kind, AgentStatus target, string? newKeyHash, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var change = new AgentEvent
        {
            // Every change appends exactly one event and bumps the version, so the next event is version + 1.
            Sequence = agent.Version + 1,
            AgentId = agent.Id,
            Kind = kind,
            From = agent.Status,
            To = target,
            Actor = actor,
            At = now,
        };
        var updated = agent with { Status = target, UpdatedAt = now, Version = agent.Version + 1 };
        if (!await agents.UpdateAsync(updated, agent.Version, change, newKeyHash, cancellationToken).ConfigureAwait(false))
        {
            throw DomeException.Conflict($"agent `{agent.Name}` was changed by someone else at the same time; read it again and retry");
        }

        await AnnounceAsync(updated, change, cancellationToken).ConfigureAwait(false);
        return (updated, change);
    }

    private async Task AnnounceAsync(Agent agent, AgentEvent change, CancellationToken cancellationToken)
    {
        try
        {
            await queue.SendAsync(QueueNames.Lifecycle, LifecycleMessage.Of(agent, change).ToJson(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change and its event are stored; the redelivery sweep announces the unprocessed event later.
            LifecycleLog.AnnounceFailed(logger, agent.Id, change.Sequence, e);
        }
    }

    private async Task RequireWorkspaceAsync(string tenantId, string workspace, CancellationToken cancellationToken)
    {
        if (await tenants.FindWorkspaceAsync(tenantId, workspace, cancellationToken).ConfigureAwait(false) is null)
        {
            throw DomeException.NotFound($"no workspace named `{workspace}`; create it with `dome workspaces create {workspace}`");
        }
    }

    private static DomeException IllegalTransition(Agent agent, LifecycleTransition transition) => new(
        DomeErrorCode.IllegalTransition,
        $"cannot {AgentLifecycle.Verb(transition)} agent `{agent.Name}`: it is {WireNames.Of(agent.Status)}",
        new Dictionary<string, object?> { ["state"] = WireNames.Of(agent.Status) });
}
