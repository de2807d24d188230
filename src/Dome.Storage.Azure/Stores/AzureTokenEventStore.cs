using System.Globalization;
using Dome.Core.Identity;
using Dome.Core.Storage;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// Token events in the TokenEvents table, one partition per UTC day. Both keys count down (partition
/// <c>99999999 - yyyyMMdd</c>, row <c>MaxTicks - ticks</c> then the id), so the table's natural order is newest
/// first and "the most recent N" is one query that stops after N entities, across days.
/// </summary>
internal sealed class AzureTokenEventStore(AzureTables tables) : ITokenEventStore
{
    public async Task AppendAsync(TokenEvent tokenEvent, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var at = tokenEvent.At.ToUniversalTime();
        var entity = new TableEntity(Partition(at), RowKey(at, tokenEvent.Id))
        {
            ["Id"] = tokenEvent.Id,
            ["Kind"] = tokenEvent.Kind.ToString(),
            ["TenantId"] = tokenEvent.TenantId,
            ["AgentId"] = tokenEvent.AgentId,
            ["KeyId"] = tokenEvent.KeyId,
            ["Detail"] = tokenEvent.Detail,
            ["Reason"] = tokenEvent.Reason,
            ["At"] = at,
        };
        var result = await table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"token event `{tokenEvent.Id}` is already recorded");
        }
    }

    public async Task<IReadOnlyList<TokenEvent>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var events = new List<TokenEvent>(Math.Min(limit, 1000));
        await foreach (var row in table.QueryAsync(null, null, Math.Min(limit, TableClient.MaxPageSize), cancellationToken).ConfigureAwait(false))
        {
            events.Add(Read(row));
            if (events.Count == limit)
            {
                break;
            }
        }

        return events;
    }

    private static string Partition(DateTimeOffset at) =>
        (99_999_999 - int.Parse(at.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToString("D8", CultureInfo.InvariantCulture);

    private static string RowKey(DateTimeOffset at, string id) =>
        (DateTime.MaxValue.Ticks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + TableKey.Encode(id);

    private static TokenEvent Read(TableEntity row) => new()
    {
        Id = row.GetString("Id")!,
        Kind = Enum.Parse<TokenEventKind>(row.GetString("Kind")!),
        TenantId = row.GetString("TenantId"),
        AgentId = row.GetString("AgentId"),
        KeyId = row.GetString("KeyId"),
        Detail = row.GetString("Detail")!,
        Reason = row.GetString("Reason"),
        At = row.GetDateTime("At")!.Value,
    };

    private Task<TableClient> Table(CancellationToken cancellationToken) => tables.GetAsync(AzureTableNames.TokenEvents, cancellationToken);
}
