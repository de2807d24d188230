using System.Globalization;
using Dome.Core.Limits;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// Limits and daily quota counters in Table Storage. Partitions: <c>{tenant}</c> holds the tenant's limits (row
/// <c>p|{scope number}|{name}</c>); <c>{tenant}|q|{yyyyMMdd}</c> holds that day's counters (row <c>{scope number}|{name}</c>,
/// property <c>Used</c>), so a day's counters never contend with another day's and old days can be dropped by partition.
/// Counters change by read, compute, write with <c>If-Match</c>: a writer that lost the race reads again, so concurrent
/// reservations never pass the quota and nothing is counted twice.
/// </summary>
internal sealed class AzureLimitStore(AzureTables tables) : ILimitStore
{
    /// <summary>Attempts of one counter change before giving up (each lost attempt means another writer's change went in).</summary>
    private const int MaxAttempts = 100;

    public async Task UpsertAsync(LimitPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var entity = new TableEntity(Partition(policy.TenantId), PolicyRow(policy.Scope, policy.Name))
        {
            ["Scope"] = LimitScopes.Of(policy.Scope),
            ["Name"] = policy.Name,
            ["RequestsPerSecond"] = policy.RequestsPerSecond,
            ["Burst"] = (long?)policy.Burst,
            ["Concurrency"] = (long?)policy.Concurrency,
            ["DailyQuota"] = policy.DailyQuota,
            ["UpdatedAt"] = policy.UpdatedAt,
            ["UpdatedBy"] = policy.UpdatedBy,
        };
        var client = await tables.GetAsync(AzureTableNames.Limits, cancellationToken).ConfigureAwait(false);
        await client.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LimitPolicy?> FindAsync(string tenantId, LimitScope scope, string name, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(AzureTableNames.Limits, cancellationToken).ConfigureAwait(false);
        var entity = await client.GetAsync(Partition(tenantId), PolicyRow(scope, name), null, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : Read(tenantId, entity);
    }

    public async Task<IReadOnlyList<LimitPolicy>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(AzureTableNames.Limits, cancellationToken).ConfigureAwait(false);
        var filter = TableFilter.And(TableFilter.PartitionKeyEquals(Partition(tenantId)), TableFilter.StartsWith("RowKey", "p|"));
        var entities = await client.QueryAllAsync(filter, null, cancellationToken).ConfigureAwait(false);
        return entities.Select(e => Read(tenantId, e)).OrderBy(p => p.Scope).ThenBy(p => p.Name, StringComparer.Ordinal).ToArray();
    }

    public async Task<bool> DeleteAsync(string tenantId, LimitScope scope, string name, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(AzureTableNames.Limits, cancellationToken).ConfigureAwait(false);
        var result = await client.DeleteAsync(Partition(tenantId), PolicyRow(scope, name), "*", cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    public async Task<long> ReserveAsync(QuotaKey key, long amount, long quota, CancellationToken cancellationToken)
    {
        if (amount <= 0)
        {
            return 0;
        }

        var client = await tables.GetAsync(AzureTableNames.Limits, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await client.GetAsync(CounterPartition(key), CounterRow(key), null, cancellationToken).ConfigureAwait(false);
            var used = current?.GetInt64("Used") ?? 0;
            var taken = Math.Clamp(quota - used, 0, amount);
            if (taken == 0)
            {
                return 0;
            }

            var next = Counter(key, used + taken);
            var result = current is null
                ? await client.InsertAsync(next, cancellationToken).ConfigureAwait(false)
                : await client.UpdateAsync(next, current.ETag ?? "*", TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return taken;
            }

            await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
        }

        throw Contended(key);
    }

    public async Task ReleaseAsync(QuotaKey key, long amount, CancellationToken cancellationToken)
    {
        if (amount <= 0)
        {
            return;
        }

        var client = await tables.GetAsync(AzureTableNames.Limits, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await client.GetAsync(CounterPartition(key), CounterRow(key), null, cancellationToken).ConfigureAwait(false);
            var used = current?.GetInt64("Used") ?? 0;
            if (current is null || used == 0)
            {
                return;
            }

            var result = await client.UpdateAsync(Counter(key, Math.Max(0, used - amount)), current.ETag ?? "*", TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return;
            }

            await BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
        }

        throw Contended(key);
    }

    public async Task<long> UsedAsync(QuotaKey key, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(AzureTableNames.Limits, cancellationToken).ConfigureAwait(false);
        var current = await client.GetAsync(CounterPartition(key), CounterRow(key), null, cancellationToken).ConfigureAwait(false);
        return current?.GetInt64("Used") ?? 0;
    }

    private static string Partition(string tenantId) => StoreKeyParts.Part(tenantId);

    private static string PolicyRow(LimitScope scope, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"p|{(int)scope}|{StoreKeyParts.Part(name)}");

    private static string CounterPartition(QuotaKey key) => StoreKeyParts.Part(key.TenantId) + "|q|" + StoreKeyParts.Day(key.Day);

    private static string CounterRow(QuotaKey key) => string.Create(CultureInfo.InvariantCulture, $"{(int)key.Scope}|{StoreKeyParts.Part(key.Name)}");

    private static TableEntity Counter(QuotaKey key, long used) => new(CounterPartition(key), CounterRow(key)) { ["Used"] = used };

    private static LimitPolicy Read(string tenantId, TableEntity entity)
    {
        var scopeText = entity.GetString("Scope");
        if (!LimitScopes.TryParse(scopeText, out var scope))
        {
            throw new InvalidDataException($"limit `{entity.RowKey}` of tenant `{tenantId}` has unknown scope `{scopeText}` in table storage");
        }

        return new LimitPolicy
        {
            TenantId = tenantId,
            Scope = scope,
            Name = entity.GetString("Name") ?? throw Missing(entity, "Name"),
            RequestsPerSecond = entity.GetDouble("RequestsPerSecond"),
            Burst = (int?)entity.GetInt64("Burst"),
            Concurrency = (int?)entity.GetInt64("Concurrency"),
            DailyQuota = entity.GetInt64("DailyQuota"),
            UpdatedAt = entity.GetDateTime("UpdatedAt") ?? throw Missing(entity, "UpdatedAt"),
            UpdatedBy = entity.GetString("UpdatedBy") ?? throw Missing(entity, "UpdatedBy"),
        };
    }

    /// <summary>After a lost race: go again at once a few times, then spread the writers out a little.</summary>
    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        attempt < 3 ? Task.CompletedTask : Task.Delay(Random.Shared.Next(1, Math.Min(50, 2 * attempt)), cancellationToken);

    private static InvalidDataException Missing(TableEntity entity, string property) =>
        new($"limit `{entity.RowKey}` in partition `{entity.PartitionKey}` lacks `{property}` in table storage");

    private static InvalidOperationException Contended(QuotaKey key) =>
        new($"the daily quota counter `{LimitScopes.Of(key.Scope)}/{key.Name}` of tenant `{key.TenantId}` changed under every one of {MaxAttempts} attempts; the call is refused");
}
