using Dome.Core.Audit;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// Queries: the tenant's days newest first (bounded by <see cref="AuditQuery.Since"/> and <see cref="AuditQuery.Until"/>),
/// and in each day partition a forward scan of the event rows with every filter applied by the service. A page ends
/// after <see cref="AuditQuery.Limit"/> matches; one more match is looked for so the last page carries no token.
/// </summary>
internal sealed partial class AzureAuditStore
{
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 1000);
        var fingerprint = AuditContinuation.Fingerprint(query);
        AuditContinuation? start = query.ContinuationToken is null ? null : AuditContinuation.Decode(query.ContinuationToken, fingerprint);
        var client = await tables.GetAsync(AzureTableNames.Audit, cancellationToken).ConfigureAwait(false);
        var tenant = StoreKeyParts.Part(query.TenantId);

        var found = new List<(DateOnly Day, string Row, AuditEvent Event)>(limit + 1);
        foreach (var day in await DaysAsync(client, tenant, query, start, cancellationToken).ConfigureAwait(false))
        {
            var filter = EventFilter(EventPartition(tenant, day), query, start is { } s && s.Day == day ? s.Row : null);
            TableContinuation? continuation = null;
            do
            {
                var page = await client.QueryPageAsync(filter, null, limit + 1 - found.Count, continuation, cancellationToken).ConfigureAwait(false);
                foreach (var entity in page.Entities)
                {
                    found.Add((day, entity.RowKey, AuditJson.Deserialize(TableLargeValue.Read(entity, "Body") ?? throw Corrupt(entity))));
                }

                continuation = page.Continuation;
            }
            while (continuation is not null && found.Count <= limit);

            if (found.Count > limit)
            {
                break;
            }
        }

        if (found.Count <= limit)
        {
            return new AuditPage { Events = found.ConvertAll(f => f.Event) };
        }

        var last = found[limit - 1];
        return new AuditPage
        {
            Events = found.GetRange(0, limit).ConvertAll(f => f.Event),
            ContinuationToken = AuditContinuation.Encode(last.Day, last.Row, fingerprint),
        };
    }

    /// <summary>
    /// The tenant's days with events that can match, newest first: an event is filed under the day of its first stage,
    /// at most <see cref="MaxStageSpread"/> before its time.
    /// </summary>
    private static async Task<IReadOnlyList<DateOnly>> DaysAsync(TableClient client, string tenant, AuditQuery query, AuditContinuation? start, CancellationToken cancellationToken)
    {
        var rows = await client.QueryAllAsync(TableFilter.PartitionKeyEquals(DaysPartition(tenant)), null, cancellationToken).ConfigureAwait(false);
        var newest = query.Until is { } until ? StoreKeyParts.Day(until.AddTicks(-1)) : DateOnly.MaxValue;
        if (start is { } s && s.Day < newest)
        {
            newest = s.Day;
        }

        var oldest = query.Since is { } since ? StoreKeyParts.Day(since - MaxStageSpread) : DateOnly.MinValue;
        var days = new List<DateOnly>(rows.Count);
        foreach (var row in rows)
        {
            if (StoreKeyParts.TryParseDay(row.GetString("Day") ?? "", out var day) && day <= newest && day >= oldest)
            {
                days.Add(day);
            }
        }

        days.Sort((a, b) => b.CompareTo(a));
        return days;
    }

    private static string EventFilter(string partition, AuditQuery query, string? after)
    {
        var clauses = new List<string>
        {
            TableFilter.PartitionKeyEquals(partition),
            after is null ? TableFilter.Compare("RowKey", "ge", "e|") : TableFilter.Compare("RowKey", "gt", after),
            TableFilter.Compare("RowKey", "lt", StoreKeyParts.UpperBound("e|")),
        };
        if (query.Since is { } since)
        {
            clauses.Add(TableFilter.Compare("TimeTicks", "ge", since.UtcTicks));
        }

        if (query.Until is { } until)
        {
            clauses.Add(TableFilter.Compare("TimeTicks", "lt", until.UtcTicks));
        }

        if (query.Agent is { } agent)
        {
            clauses.Add(TableFilter.Or(TableFilter.Compare("AgentId", "eq", agent), TableFilter.Compare("AgentName", "eq", agent)));
        }

        if (query.UserId is { } user)
        {
            clauses.Add(TableFilter.Compare("UserId", "eq", user));
        }

        if (query.Tool is { } tool)
        {
            clauses.Add(TableFilter.Compare("Tool", "eq", tool));
        }

        if (query.Decision is { } decision)
        {
            clauses.Add(TableFilter.Compare("Decision", "eq", decision));
        }

        return TableFilter.And([.. clauses]);
    }

    private static InvalidDataException Corrupt(TableEntity entity) =>
        new($"audit row `{entity.RowKey}` in partition `{entity.PartitionKey}` has no body in table storage");
}
