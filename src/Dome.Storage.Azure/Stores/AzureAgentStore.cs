using Dome.Core.Lifecycle;
using Dome.Core.Registry;
using Dome.Core.Storage;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// Agents and their history in the Agents table, one partition per tenant: the agent row, its name claim
/// (uniqueness per workspace) and its events change together in entity group transactions, and the agent row's
/// ETag guards every update. The AgentKeys table (partition = key id) points an API key id at its agent; the
/// pointer is written before the agent row and checked against the agent's current key on every lookup, so a
/// stale or orphaned pointer finds nothing (fail closed).
/// </summary>
internal sealed class AzureAgentStore(AzureTables tables) : IAgentStore
{
    /// <summary>The event row's property: not to be announced again before this time (the redelivery back-off).</summary>
    private const string RedeliverAfter = "RedeliverAfter";

    public async Task<bool> CreateAsync(Agent agent, string keyHash, AgentEvent registered, CancellationToken cancellationToken)
    {
        var agents = await Agents(cancellationToken).ConfigureAwait(false);
        var keys = await Keys(cancellationToken).ConfigureAwait(false);
        await ClaimPointerAsync(keys, agent, cancellationToken).ConfigureAwait(false);
        var result = await agents.SubmitBatchAsync(
        [
            TableOperation.Insert(AgentRows.NameClaim(agent)),
            TableOperation.Insert(AgentRows.Agent(agent, keyHash)),
            TableOperation.Insert(AgentRows.Event(agent.TenantId, registered)),
        ], cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return true;
        }

        await RemovePointerAsync(keys, agent.KeyId, agent.Id, cancellationToken).ConfigureAwait(false);
        return result.Status == TableWriteStatus.AlreadyExists
            ? false
            : throw new InvalidOperationException($"creating agent `{agent.Name}` failed: {result.Status}");
    }

    public async Task<Agent?> FindAsync(string tenantId, string workspace, string name, CancellationToken cancellationToken)
    {
        var agents = await Agents(cancellationToken).ConfigureAwait(false);
        var claim = await agents.GetAsync(AgentRows.Partition(tenantId), AgentRows.NameKey(workspace, name), cancellationToken: cancellationToken).ConfigureAwait(false);
        return claim?.GetString("AgentId") is { } id ? await FindByIdAsync(tenantId, id, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task<Agent?> FindByIdAsync(string tenantId, string agentId, CancellationToken cancellationToken)
    {
        var row = await GetAgentRowAsync(tenantId, agentId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : AgentRows.ReadAgent(row);
    }

    public async Task<(Agent Agent, string KeyHash)?> FindByKeyIdAsync(string keyId, CancellationToken cancellationToken)
    {
        var keys = await Keys(cancellationToken).ConfigureAwait(false);
        var pointer = await keys.GetAsync(TableKey.Encode(keyId), string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (pointer?.GetString("TenantId") is not { } tenantId || pointer.GetString("AgentId") is not { } agentId)
        {
            return null;
        }

        var row = await GetAgentRowAsync(tenantId, agentId, cancellationToken).ConfigureAwait(false);
        if (row is null || !string.Equals(row.GetString("KeyId"), keyId, StringComparison.Ordinal) || row.GetString("KeyHash") is not { } hash)
        {
            return null;
        }

        return (AgentRows.ReadAgent(row), hash);
    }

    public async Task<IReadOnlyList<Agent>> ListAsync(string tenantId, string? workspace, string? owner, CancellationToken cancellationToken)
    {
        var agents = await Agents(cancellationToken).ConfigureAwait(false);
        var clauses = new List<string>
        {
            TableFilter.PartitionKeyEquals(AgentRows.Partition(tenantId)),
            TableFilter.StartsWith("RowKey", "agent|"),
        };
        if (workspace is not null)
        {
            clauses.Add(TableFilter.Compare("Workspace", "eq", workspace));
        }

        if (owner is not null)
        {
            clauses.Add(TableFilter.Compare("Owner", "eq", owner));
        }

        var rows = await agents.QueryAllAsync(TableFilter.And([.. clauses]), cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(AgentRows.ReadAgent).OrderBy(a => a.Workspace, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal)];
    }

    public async Task<bool> UpdateAsync(Agent agent, long expectedVersion, AgentEvent change, string? newKeyHash, CancellationToken cancellationToken)
    {
        var current = await GetAgentRowAsync(agent.TenantId, agent.Id, cancellationToken).ConfigureAwait(false);
        if (current is null || current.GetInt64("Version") != expectedVersion)
        {
            return false;
        }

        var oldKeyId = current.GetString("KeyId");
        var keyChanged = !string.Equals(oldKeyId, agent.KeyId, StringComparison.Ordinal);
        var keys = await Keys(cancellationToken).ConfigureAwait(false);
        if (keyChanged)
        {
            // The new pointer first: it finds the agent only once the batch below makes this key the agent's.
            await ClaimPointerAsync(keys, agent, cancellationToken).ConfigureAwait(false);
        }

        var agents = await Agents(cancellationToken).ConfigureAwait(false);
        var result = await agents.SubmitBatchAsync(
        [
            TableOperation.Update(AgentRows.Agent(agent, newKeyHash ?? current.GetString("KeyHash")!), current.ETag!),
            TableOperation.Insert(AgentRows.Event(agent.TenantId, change)),
        ], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            if (keyChanged)
            {
                await RemovePointerAsync(keys, agent.KeyId, agent.Id, cancellationToken).ConfigureAwait(false);
            }

            return result.Status is TableWriteStatus.PreconditionFailed or TableWriteStatus.AlreadyExists or TableWriteStatus.NotFound
                ? false
                : throw new InvalidOperationException($"updating agent `{agent.Id}` failed: {result.Status}");
        }

        if (keyChanged && oldKeyId is not null)
        {
            await RemovePointerAsync(keys, oldKeyId, agent.Id, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public async Task<IReadOnlyList<AgentEvent>> ListEventsAsync(string tenantId, string agentId, CancellationToken cancellationToken)
    {
        var agents = await Agents(cancellationToken).ConfigureAwait(false);
        var filter = TableFilter.And(
            TableFilter.PartitionKeyEquals(AgentRows.Partition(tenantId)),
            TableFilter.StartsWith("RowKey", AgentRows.EventPrefix(agentId)));
        var rows = await agents.QueryAllAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(AgentRows.ReadEvent).OrderBy(e => e.Sequence)];
    }

    public async Task<IReadOnlyList<LifecycleMessage>> ListUnprocessedEventsAsync(DateTimeOffset before, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        // Every tenant: a scan of the event rows older than the bound across partitions (the sweep runs once a
        // minute); processed and deferred ones are dropped here, since an absent property cannot be filtered on.
        var agents = await Agents(cancellationToken).ConfigureAwait(false);
        var filter = TableFilter.And(TableFilter.StartsWith("RowKey", AgentRows.EventsPrefix), TableFilter.Compare("At", "lt", before));
        var rows = await agents.QueryAllAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false);
        var messages = new List<LifecycleMessage>();
        var pending = rows.Where(row => row.GetDateTime(RedeliverAfter) is not { } deferred || deferred <= now)
            .Select(row => (row.PartitionKey, Event: AgentRows.ReadEvent(row))).Where(e => e.Event.ProcessedAt is null)
            .OrderBy(e => e.Event.At).ThenBy(e => e.Event.AgentId, StringComparer.Ordinal).ThenBy(e => e.Event.Sequence).Take(limit);
        foreach (var (partition, change) in pending)
        {
            var agent = await agents.GetAsync(partition, AgentRows.AgentKey(change.AgentId), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (agent?.GetString("TenantId") is { } tenantId && agent.GetString("Name") is { } name && agent.GetString("Workspace") is { } workspace)
            {
                messages.Add(LifecycleMessage.Of(tenantId, name, workspace, change));
            }
        }

        return messages;
    }

    public async Task<bool> MarkEventProcessedAsync(string tenantId, string agentId, long sequence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var agents = await Agents(cancellationToken).ConfigureAwait(false);
        var partition = AgentRows.Partition(tenantId);
        var key = AgentRows.EventKey(agentId, sequence);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await agents.GetAsync(partition, key, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return false;
            }

            if (row.GetDateTime("ProcessedAt") is not null)
            {
                return true;
            }

            var update = await agents.UpdateAsync(new TableEntity(partition, key) { ["ProcessedAt"] = at }, row.ETag!, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            if (update.Status != TableWriteStatus.PreconditionFailed)
            {
                return update.Succeeded;
            }
        }

        return true;
    }

    public async Task<bool> DeferRedeliveryAsync(string tenantId, string agentId, long sequence, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var agents = await Agents(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(AgentRows.Partition(tenantId), AgentRows.EventKey(agentId, sequence)) { [RedeliverAfter] = until };
        return (await agents.UpdateAsync(entity, "*", TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false)).Succeeded;
    }

    private async Task<TableEntity?> GetAgentRowAsync(string tenantId, string agentId, CancellationToken cancellationToken)
    {
        var agents = await Agents(cancellationToken).ConfigureAwait(false);
        return await agents.GetAsync(AgentRows.Partition(tenantId), AgentRows.AgentKey(agentId), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Points the agent's key id at it; a key id already pointing at another agent is refused (ids are random: this is a bug or an attack).</summary>
    private static async Task ClaimPointerAsync(TableClient keys, Agent agent, CancellationToken cancellationToken)
    {
        var pointer = KeyPointer(agent);
        if ((await keys.InsertAsync(pointer, cancellationToken).ConfigureAwait(false)).Succeeded)
        {
            return;
        }

        var existing = await keys.GetAsync(pointer.PartitionKey, pointer.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing is not null
            && (!string.Equals(existing.GetString("AgentId"), agent.Id, StringComparison.Ordinal)
                || !string.Equals(existing.GetString("TenantId"), agent.TenantId, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"api key id `{agent.KeyId}` already belongs to another agent");
        }

        await keys.UpsertAsync(pointer, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a key pointer when it still points at this agent (another agent never loses its pointer).</summary>
    private static async Task RemovePointerAsync(TableClient keys, string keyId, string agentId, CancellationToken cancellationToken)
    {
        var pointer = await keys.GetAsync(TableKey.Encode(keyId), string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (pointer is not null && string.Equals(pointer.GetString("AgentId"), agentId, StringComparison.Ordinal))
        {
            await keys.DeleteAsync(pointer.PartitionKey, pointer.RowKey, pointer.ETag!, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TableEntity KeyPointer(Agent agent) => new(TableKey.Encode(agent.KeyId), string.Empty)
    {
        ["TenantId"] = agent.TenantId,
        ["AgentId"] = agent.Id,
    };

    private Task<TableClient> Agents(CancellationToken cancellationToken) => tables.GetAsync(AzureTableNames.Agents, cancellationToken);

    private Task<TableClient> Keys(CancellationToken cancellationToken) => tables.GetAsync(AzureTableNames.AgentKeys, cancellationToken);
}
