using System.Globalization;
using System.Text.Json;
using Dome.Core.Policy;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// Policy versions in Table Storage, one partition per tenant (<c>{tenant}</c>): a metadata row per version
/// (<c>m|{hash}</c>: file names, who published it and when, when it was last activated), its files and schema as JSON
/// split over content rows (<c>c|{hash}|{nnn}</c>, each up to <see cref="TableLargeValue.MaxChars"/> characters), the
/// active pointer (<c>active</c>) and the escalation settings (<c>settings</c>). Activation writes the version and
/// moves the pointer in one entity group transaction, conditional on the pointer's ETag, so the pointer never names a
/// version that is not stored and concurrent publishers serialize: the loser reads the pointer again and retries.
/// </summary>
internal sealed class AzurePolicyStore(AzureTables tables) : IPolicyStore
{
    private const string ActiveRow = "active";
    private const string SettingsRow = "settings";
    private const int MaxAttempts = 50;

    /// <summary>Characters per content row: what one entity holds through <see cref="TableLargeValue"/>.</summary>
    private const int ChunkChars = TableLargeValue.MaxChars;

    public async Task ActivateAsync(PolicyVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var client = await tables.GetAsync(AzureTableNames.Policies, cancellationToken).ConfigureAwait(false);
        var partition = Partition(version.TenantId);
        List<TableOperation>? newVersion = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var pointer = await client.GetAsync(partition, ActiveRow, null, cancellationToken).ConfigureAwait(false);
            var stored = await client.GetAsync(partition, MetadataRow(version.Hash), null, cancellationToken).ConfigureAwait(false);
            var operations = new List<TableOperation>();
            if (stored is null)
            {
                operations.AddRange(newVersion ??= VersionRows(partition, version));
            }
            else
            {
                var reactivated = new TableEntity(partition, stored.RowKey) { ["ActivatedAt"] = version.PublishedAt };
                operations.Add(TableOperation.Update(reactivated, stored.ETag ?? "*", TableUpdateMode.Merge));
            }

            var active = new TableEntity(partition, ActiveRow) { ["Hash"] = version.Hash };
            operations.Add(pointer is null ? TableOperation.Insert(active) : TableOperation.Update(active, pointer.ETag ?? "*"));
            var result = await client.SubmitBatchAsync(operations, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return;
            }

            await Task.Delay(Random.Shared.Next(0, Math.Min(40, 1 + (4 * attempt))), cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"the active policy of tenant `{version.TenantId}` changed under every one of {MaxAttempts} attempts to activate `{version.Hash}`");
    }

    public async Task<PolicyVersion?> GetActiveAsync(string tenantId, CancellationToken cancellationToken)
    {
        var hash = await GetActiveHashAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (hash is null)
        {
            return null;
        }

        var client = await tables.GetAsync(AzureTableNames.Policies, cancellationToken).ConfigureAwait(false);
        var partition = Partition(tenantId);
        var metadata = await client.GetAsync(partition, MetadataRow(hash), null, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"the active policy `{hash}` of tenant `{tenantId}` has no version row in table storage");
        var prefix = ContentPrefix(hash);
        var rows = await client.QueryAllAsync(
            TableFilter.And(TableFilter.PartitionKeyEquals(partition), TableFilter.StartsWith("RowKey", prefix)), null, cancellationToken).ConfigureAwait(false);
        var chunks = metadata.GetInt64("Chunks") ?? 0;
        if (rows.Count != chunks)
        {
            throw new InvalidDataException($"policy `{hash}` of tenant `{tenantId}` has {rows.Count} of its {chunks} content rows in table storage");
        }

        var json = string.Concat(rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => TableLargeValue.Read(r, "Content")));
        var content = JsonSerializer.Deserialize(json, AzurePolicyJsonContext.Default.PolicyContent)
            ?? throw new InvalidDataException($"policy `{hash}` of tenant `{tenantId}` has no content in table storage");
        return new PolicyVersion
        {
            TenantId = tenantId,
            Hash = hash,
            Files = new SortedDictionary<string, string>(content.Files, StringComparer.Ordinal),
            Schema = content.Schema,
            PublishedBy = metadata.GetString("PublishedBy") ?? throw Missing(metadata, "PublishedBy"),
            PublishedAt = metadata.GetDateTime("PublishedAt") ?? throw Missing(metadata, "PublishedAt"),
        };
    }

    public async Task<string?> GetActiveHashAsync(string tenantId, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(AzureTableNames.Policies, cancellationToken).ConfigureAwait(false);
        var pointer = await client.GetAsync(Partition(tenantId), ActiveRow, null, cancellationToken).ConfigureAwait(false);
        return pointer?.GetString("Hash");
    }

    public async Task<IReadOnlyList<PolicyVersionSummary>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(AzureTableNames.Policies, cancellationToken).ConfigureAwait(false);
        var partition = Partition(tenantId);
        var filter = TableFilter.And(
            TableFilter.PartitionKeyEquals(partition),
            TableFilter.Or(TableFilter.StartsWith("RowKey", "m|"), TableFilter.RowKeyEquals(ActiveRow)));
        var rows = await client.QueryAllAsync(filter, null, cancellationToken).ConfigureAwait(false);
        var active = rows.FirstOrDefault(r => r.RowKey == ActiveRow)?.GetString("Hash");
        return rows.Where(r => r.RowKey != ActiveRow).Select(r =>
        {
            var hash = r.GetString("Hash") ?? StoreKeyParts.Unpart(r.RowKey[2..]);
            return new PolicyVersionSummary
            {
                Hash = hash,
                FileNames = JsonSerializer.Deserialize(r.GetString("FileNames") ?? "[]", AzurePolicyJsonContext.Default.StringArray) ?? [],
                PublishedBy = r.GetString("PublishedBy") ?? throw Missing(r, "PublishedBy"),
                PublishedAt = r.GetDateTime("PublishedAt") ?? throw Missing(r, "PublishedAt"),
                ActivatedAt = r.GetDateTime("ActivatedAt") ?? throw Missing(r, "ActivatedAt"),
                Active = hash == active,
            };
        }).OrderByDescending(v => v.ActivatedAt).ToArray();
    }

    public async Task<PolicySettings> GetSettingsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(AzureTableNames.Policies, cancellationToken).ConfigureAwait(false);
        var row = await client.GetAsync(Partition(tenantId), SettingsRow, null, cancellationToken).ConfigureAwait(false);
        return row is null
            ? PolicySettings.None
            : new PolicySettings
            {
                JudgeUrl = row.GetString("JudgeUrl"),
                JudgeTimeoutMs = (int?)row.GetInt64("JudgeTimeoutMs"),
                ApprovalLifetimeSeconds = (int?)row.GetInt64("ApprovalLifetimeSeconds"),
            };
    }

    public async Task SetSettingsAsync(string tenantId, PolicySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var client = await tables.GetAsync(AzureTableNames.Policies, cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(Partition(tenantId), SettingsRow)
        {
            ["JudgeUrl"] = settings.JudgeUrl,
            ["JudgeTimeoutMs"] = (long?)settings.JudgeTimeoutMs,
            ["ApprovalLifetimeSeconds"] = (long?)settings.ApprovalLifetimeSeconds,
        };
        await client.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The metadata row and the content rows of a version not stored yet.</summary>
    private static List<TableOperation> VersionRows(string partition, PolicyVersion version)
    {
        var json = JsonSerializer.Serialize(
            new PolicyContent { Files = new Dictionary<string, string>(version.Files, StringComparer.Ordinal), Schema = version.Schema },
            AzurePolicyJsonContext.Default.PolicyContent);
        var chunks = Math.Max(1, (json.Length + ChunkChars - 1) / ChunkChars);
        if (chunks + 2 > TableClient.MaxBatchOperations)
        {
            throw new ArgumentException($"policy `{version.Hash}` is {json.Length} characters; table storage holds a version of at most {(TableClient.MaxBatchOperations - 2) * ChunkChars}");
        }

        var metadata = new TableEntity(partition, MetadataRow(version.Hash))
        {
            ["Hash"] = version.Hash,
            ["FileNames"] = JsonSerializer.Serialize(version.Files.Keys.Order(StringComparer.Ordinal).ToArray(), AzurePolicyJsonContext.Default.StringArray),
            ["PublishedBy"] = version.PublishedBy,
            ["PublishedAt"] = version.PublishedAt,
            ["ActivatedAt"] = version.PublishedAt,
            ["Chunks"] = (long)chunks,
        };
        var operations = new List<TableOperation> { TableOperation.Insert(metadata) };
        for (var i = 0; i < chunks; i++)
        {
            var row = new TableEntity(partition, ContentPrefix(version.Hash) + i.ToString("D3", CultureInfo.InvariantCulture));
            var start = i * ChunkChars;
            TableLargeValue.Write(row, "Content", json.Substring(start, Math.Min(ChunkChars, json.Length - start)));
            operations.Add(TableOperation.Insert(row));
        }

        return operations;
    }

    private static InvalidDataException Missing(TableEntity row, string property) =>
        new($"policy row `{row.RowKey}` in partition `{row.PartitionKey}` lacks `{property}` in table storage");

    private static string Partition(string tenantId) => StoreKeyParts.Part(tenantId);

    private static string MetadataRow(string hash) => "m|" + StoreKeyParts.Part(hash);

    private static string ContentPrefix(string hash) => "c|" + StoreKeyParts.Part(hash) + "|";
}
