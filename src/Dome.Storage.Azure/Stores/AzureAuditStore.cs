using System.Collections.Concurrent;
using Dome.Core.Audit;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// The audit trail in Table Storage. One partition per tenant and UTC day (<c>{tenant}|{yyyyMMdd}</c>, the day the
/// event was first filed) holds, per event, an event row <c>e|{inverted ticks}|{id}</c> (the event's JSON plus the
/// columns queries filter on) and an id row <c>i|{id}</c> (its stage and event row key), inserted together in one
/// entity group transaction: a redelivered event finds its id row and is refused, a later stage replaces the event row
/// in place under the id row's ETag. A per-tenant partition <c>{tenant}|days</c> lists the days that have events, so
/// queries walk day partitions newest first without guessing. Inverted ticks make "newest first" a forward scan.
/// See docs/azure.md for the query plan.
/// </summary>
internal sealed partial class AzureAuditStore(AzureTables tables) : IAuditStore
{
    /// <summary>
    /// How far apart the stages of one call may be: within this of midnight an event's id is looked up on the
    /// neighbouring day too, so a call whose decided and completed stages fall on both sides of midnight stays one event.
    /// </summary>
    public static readonly TimeSpan MaxStageSpread = TimeSpan.FromHours(1);

    private const int MaxAttempts = 20;

    /// <summary>The event JSON one row holds, leaving room for the filter columns.</summary>
    private const int MaxBodyChars = TableLargeValue.MaxChars - (16 * 1024);

    /// <summary>Day rows known to exist (written once per tenant and day by this instance).</summary>
    private readonly ConcurrentDictionary<string, bool> _days = new(StringComparer.Ordinal);

    public async Task<bool> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var client = await tables.GetAsync(AzureTableNames.Audit, cancellationToken).ConfigureAwait(false);
        var tenant = StoreKeyParts.Part(auditEvent.TenantId);
        var day = StoreKeyParts.Day(auditEvent.Time);
        foreach (var neighbour in NeighbourDays(auditEvent.Time))
        {
            var partition = EventPartition(tenant, neighbour);
            if (await client.GetAsync(partition, IdRow(auditEvent.Id), null, cancellationToken).ConfigureAwait(false) is { } filed)
            {
                return await UpgradeAsync(client, partition, filed, auditEvent, cancellationToken).ConfigureAwait(false);
            }
        }

        await MarkDayAsync(client, tenant, day, cancellationToken).ConfigureAwait(false);
        var home = EventPartition(tenant, day);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var eventRow = EventRow(auditEvent.Time, auditEvent.Id);
            var inserted = await client.SubmitBatchAsync(
                [TableOperation.Insert(IdEntity(home, auditEvent, eventRow)), TableOperation.Insert(EventEntity(home, eventRow, auditEvent))],
                cancellationToken).ConfigureAwait(false);
            if (inserted.Succeeded)
            {
                return true;
            }

            if (await client.GetAsync(home, IdRow(auditEvent.Id), null, cancellationToken).ConfigureAwait(false) is { } filed)
            {
                return await UpgradeAsync(client, home, filed, auditEvent, cancellationToken).ConfigureAwait(false);
            }
        }

        throw Contended(auditEvent);
    }

    /// <summary>Replaces the filed event with <paramref name="auditEvent"/> if it is a later stage; false for a redelivery.</summary>
    private static async Task<bool> UpgradeAsync(TableClient client, string partition, TableEntity filed, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if ((filed.GetInt64("Stage") ?? long.MaxValue) >= auditEvent.Stage)
            {
                return false;
            }

            var eventRow = filed.GetString("Row") ?? throw new InvalidDataException($"audit id row `{filed.RowKey}` in partition `{partition}` lacks `Row`");
            var replaced = await client.SubmitBatchAsync(
                [
                    TableOperation.Update(IdEntity(partition, auditEvent, eventRow), filed.ETag ?? "*"),
                    TableOperation.Upsert(EventEntity(partition, eventRow, auditEvent)),
                ],
                cancellationToken).ConfigureAwait(false);
            if (replaced.Succeeded)
            {
                return true;
            }

            filed = await client.GetAsync(partition, filed.RowKey, null, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"audit id row `{filed.RowKey}` in partition `{partition}` vanished");
        }

        throw Contended(auditEvent);
    }

    /// <summary>Writes the tenant's row for <paramref name="day"/> before the first event of that day, so queries find the day.</summary>
    private async Task MarkDayAsync(TableClient client, string tenant, DateOnly day, CancellationToken cancellationToken)
    {
        var key = tenant + "|" + StoreKeyParts.Day(day);
        if (_days.ContainsKey(key))
        {
            return;
        }

        await client.UpsertAsync(new TableEntity(DaysPartition(tenant), DayRow(day)) { ["Day"] = StoreKeyParts.Day(day) }, TableUpdateMode.Replace, cancellationToken)
            .ConfigureAwait(false);
        _days[key] = true;
    }

    /// <summary>The days besides the event's own where an earlier or later stage of the same call may have been filed.</summary>
    private static IEnumerable<DateOnly> NeighbourDays(DateTimeOffset time)
    {
        var day = StoreKeyParts.Day(time);
        if (StoreKeyParts.Day(time - MaxStageSpread) != day)
        {
            yield return day.AddDays(-1);
        }

        if (StoreKeyParts.Day(time + MaxStageSpread) != day)
        {
            yield return day.AddDays(1);
        }
    }

    private static TableEntity IdEntity(string partition, AuditEvent auditEvent, string eventRow) =>
        new(partition, IdRow(auditEvent.Id)) { ["Stage"] = (long)auditEvent.Stage, ["Row"] = eventRow };

    private static TableEntity EventEntity(string partition, string eventRow, AuditEvent auditEvent)
    {
        var entity = new TableEntity(partition, eventRow)
        {
            ["Id"] = auditEvent.Id,
            ["Stage"] = (long)auditEvent.Stage,
            ["TimeTicks"] = auditEvent.Time.UtcTicks,
            ["AgentId"] = auditEvent.AgentId,
            ["AgentName"] = auditEvent.AgentName,
            ["UserId"] = auditEvent.UserId,
            ["Tool"] = auditEvent.Tool,
            ["Decision"] = auditEvent.Decision,
        };
        TableLargeValue.Write(entity, "Body", Body(auditEvent));
        return entity;
    }

    /// <summary>
    /// The event's JSON. Audited arguments that would not fit one row are left out and a note says how large they were:
    /// the event itself is always stored (refusing it would park it in the poison queue, where it would fail every recovery).
    /// </summary>
    private static string Body(AuditEvent auditEvent)
    {
        var body = AuditJson.Serialize(auditEvent);
        if (body.Length <= MaxBodyChars || auditEvent.Arguments is null)
        {
            return body;
        }

        using var note = System.Text.Json.JsonDocument.Parse(string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"\"[omitted: the audited arguments were {body.Length} characters of JSON, more than the audit table holds per event]\""));
        return AuditJson.Serialize(auditEvent with { Arguments = note.RootElement.Clone() });
    }

    private static string EventPartition(string tenant, DateOnly day) => tenant + "|" + StoreKeyParts.Day(day);

    private static string DaysPartition(string tenant) => tenant + "|days";

    /// <summary>Days counted down, so the newest day's row comes first.</summary>
    private static string DayRow(DateOnly day) => (99_999_999 - int.Parse(StoreKeyParts.Day(day), System.Globalization.CultureInfo.InvariantCulture))
        .ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    private static string IdRow(string id) => "i|" + StoreKeyParts.Part(id);

    private static string EventRow(DateTimeOffset time, string id) => "e|" + StoreKeyParts.Inverted(time) + "|" + StoreKeyParts.Part(id);

    private static InvalidOperationException Contended(AuditEvent auditEvent) =>
        new($"audit event `{auditEvent.Id}` of tenant `{auditEvent.TenantId}` changed under every one of {MaxAttempts} attempts to store it");
}
