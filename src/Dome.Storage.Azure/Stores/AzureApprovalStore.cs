using System.Text.Json;
using Dome.Core.Approvals;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// Approval requests in Table Storage, one partition per tenant (<c>{tenant}</c>). Each approval has two rows written
/// together in one entity group transaction: <c>a|{id}</c> for reads by id, and <c>l|{inverted created ticks}|{id}</c>
/// (the same properties) so listing runs newest first as a plain forward scan with a status filter. Decisions and
/// the one use of an approval are compare-and-set on the <c>a|</c> row's ETag: of racing deciders or retries exactly
/// one batch applies, and the others read the approval again and see it decided or used.
/// </summary>
internal sealed class AzureApprovalStore(AzureTables tables) : IApprovalStore
{
    private const int MaxAttempts = 50;

    public async Task CreateAsync(Approval approval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var client = await tables.GetAsync(AzureTableNames.Approvals, cancellationToken).ConfigureAwait(false);
        var result = await client.SubmitBatchAsync(
            [TableOperation.Insert(Row(approval, MainRow(approval.Id))), TableOperation.Insert(Row(approval, ListRow(approval)))], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"approval `{approval.Id}` of tenant `{approval.TenantId}` already exists");
        }
    }

    public async Task<Approval?> GetAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(AzureTableNames.Approvals, cancellationToken).ConfigureAwait(false);
        var row = await client.GetAsync(StoreKeyParts.Part(tenantId), MainRow(id), null, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(tenantId, row);
    }

    public async Task<IReadOnlyList<Approval>> ListAsync(string tenantId, ApprovalStatus? status, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return [];
        }

        var client = await tables.GetAsync(AzureTableNames.Approvals, cancellationToken).ConfigureAwait(false);
        var filter = TableFilter.And(TableFilter.PartitionKeyEquals(StoreKeyParts.Part(tenantId)), TableFilter.StartsWith("RowKey", "l|"));
        if (status is { } wanted)
        {
            filter = TableFilter.And(filter, TableFilter.Compare("Status", "eq", ApprovalStatusNames.Of(wanted)));
        }

        var list = new List<Approval>();
        TableContinuation? continuation = null;
        do
        {
            var page = await client.QueryPageAsync(filter, null, Math.Min(limit - list.Count, TableClient.MaxPageSize), continuation, cancellationToken).ConfigureAwait(false);
            list.AddRange(page.Entities.Select(e => Read(tenantId, e)));
            continuation = page.Continuation;
        }
        while (continuation is not null && list.Count < limit);

        return list.Count > limit ? list[..limit] : list;
    }

    public Task<Approval?> DecideAsync(string tenantId, string id, ApprovalStatus decision, string decidedBy, string? comment, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(
            tenantId,
            id,
            current => current.Status == ApprovalStatus.Pending
                ? current with { Status = decision, DecidedBy = decidedBy, DecidedAt = at, Comment = comment }
                : null,
            cancellationToken);

    public async Task<bool> ConsumeAsync(string tenantId, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var consumed = false;
        await ChangeAsync(
            tenantId,
            id,
            current =>
            {
                consumed = current.Status == ApprovalStatus.Approved && at < current.ExpiresAt;
                return consumed ? current with { Status = ApprovalStatus.Used } : null;
            },
            cancellationToken).ConfigureAwait(false);
        return consumed;
    }

    /// <summary>
    /// Applies <paramref name="change"/> (null: leave it as it is) to the stored approval with its ETag, reading again
    /// after a lost race; returns the approval as stored afterwards, or null when there is none.
    /// </summary>
    private async Task<Approval?> ChangeAsync(string tenantId, string id, Func<Approval, Approval?> change, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(AzureTableNames.Approvals, cancellationToken).ConfigureAwait(false);
        var partition = StoreKeyParts.Part(tenantId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await client.GetAsync(partition, MainRow(id), null, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            var current = Read(tenantId, row);
            if (change(current) is not { } changed)
            {
                return current;
            }

            var result = await client.SubmitBatchAsync(
                [TableOperation.Update(Row(changed, MainRow(id)), row.ETag ?? "*"), TableOperation.Upsert(Row(changed, ListRow(changed)))], cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return changed;
            }
        }

        throw new InvalidOperationException($"approval `{id}` of tenant `{tenantId}` changed under every one of {MaxAttempts} attempts");
    }

    private static string MainRow(string id) => "a|" + StoreKeyParts.Part(id);

    private static string ListRow(Approval approval) => "l|" + StoreKeyParts.Inverted(approval.CreatedAt) + "|" + StoreKeyParts.Part(approval.Id);

    private static TableEntity Row(Approval approval, string rowKey) => new(StoreKeyParts.Part(approval.TenantId), rowKey)
    {
        ["Id"] = approval.Id,
        ["AgentId"] = approval.AgentId,
        ["UserId"] = approval.UserId,
        ["Tool"] = approval.Tool,
        ["ArgumentsHash"] = approval.ArgumentsHash,
        ["Reason"] = approval.Reason,
        ["PolicyIds"] = JsonSerializer.Serialize(approval.PolicyIds.ToArray(), AzurePolicyJsonContext.Default.StringArray),
        ["Intent"] = approval.Intent,
        ["Status"] = ApprovalStatusNames.Of(approval.Status),
        ["CreatedAt"] = approval.CreatedAt,
        ["ExpiresAt"] = approval.ExpiresAt,
        ["DecidedBy"] = approval.DecidedBy,
        ["DecidedAt"] = approval.DecidedAt,
        ["Comment"] = approval.Comment,
    };

    private static Approval Read(string tenantId, TableEntity row) => new()
    {
        Id = Required(row, "Id"),
        TenantId = tenantId,
        AgentId = Required(row, "AgentId"),
        UserId = row.GetString("UserId"),
        Tool = Required(row, "Tool"),
        ArgumentsHash = Required(row, "ArgumentsHash"),
        Reason = Required(row, "Reason"),
        PolicyIds = JsonSerializer.Deserialize(Required(row, "PolicyIds"), AzurePolicyJsonContext.Default.StringArray) ?? [],
        Intent = row.GetString("Intent"),
        Status = Status(Required(row, "Status")),
        CreatedAt = row.GetDateTime("CreatedAt") ?? throw Missing(row, "CreatedAt"),
        ExpiresAt = row.GetDateTime("ExpiresAt") ?? throw Missing(row, "ExpiresAt"),
        DecidedBy = row.GetString("DecidedBy"),
        DecidedAt = row.GetDateTime("DecidedAt"),
        Comment = row.GetString("Comment"),
    };

    private static string Required(TableEntity row, string property) => row.GetString(property) ?? throw Missing(row, property);

    private static InvalidDataException Missing(TableEntity row, string property) =>
        new($"approval row `{row.RowKey}` in partition `{row.PartitionKey}` lacks `{property}` in table storage");

    private static ApprovalStatus Status(string text) => ApprovalStatusNames.TryParse(text, out var status)
        ? status
        : throw new InvalidDataException($"unknown approval status `{text}` in table storage");
}
