using Dome.Core.Identity;
using Dome.Core.Storage;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// Identity providers in the IdentityProviders table, one partition per tenant: the provider row
/// (<c>idp|name</c>) and its issuer claim (<c>issuer|issuer</c>, unique per tenant) are added and removed together
/// in one batch.
/// </summary>
internal sealed class AzureIdentityProviderStore(AzureTables tables) : IIdentityProviderStore
{
    public async Task<bool> AddAsync(IdentityProvider provider, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var partition = TableKey.Encode(provider.TenantId);
        var result = await table.SubmitBatchAsync(
        [
            TableOperation.Insert(new TableEntity(partition, IssuerKey(provider.Issuer)) { ["Name"] = provider.Name, ["Issuer"] = provider.Issuer }),
            TableOperation.Insert(new TableEntity(partition, ProviderKey(provider.Name))
            {
                ["TenantId"] = provider.TenantId,
                ["Name"] = provider.Name,
                ["Issuer"] = provider.Issuer,
                ["JwksUri"] = provider.JwksUri?.OriginalString,
                ["Audience"] = provider.Audience,
                ["CreatedAt"] = provider.CreatedAt,
            }.WithLargeValue("Jwks", provider.Jwks)),
        ], cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            TableWriteStatus.Succeeded => true,
            TableWriteStatus.AlreadyExists => false,
            _ => throw new InvalidOperationException($"adding identity provider `{provider.Name}` failed: {result.Status}"),
        };
    }

    public async Task<IReadOnlyList<IdentityProvider>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var filter = TableFilter.And(TableFilter.PartitionKeyEquals(TableKey.Encode(tenantId)), TableFilter.StartsWith("RowKey", "idp|"));
        var rows = await table.QueryAllAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(Read).OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    public async Task<IdentityProvider?> FindByIssuerAsync(string tenantId, string issuer, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var partition = TableKey.Encode(tenantId);
        var claim = await table.GetAsync(partition, IssuerKey(issuer), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (claim?.GetString("Name") is not { } name || !string.Equals(claim.GetString("Issuer"), issuer, StringComparison.Ordinal))
        {
            return null;
        }

        var row = await table.GetAsync(partition, ProviderKey(name), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    public async Task<bool> RemoveAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var partition = TableKey.Encode(tenantId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await table.GetAsync(partition, ProviderKey(name), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return false;
            }

            var result = await table.SubmitBatchAsync(
            [
                TableOperation.Delete(partition, row.RowKey, row.ETag!),
                TableOperation.Delete(partition, IssuerKey(row.GetString("Issuer")!)),
            ], cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return true;
            }

            // Removed (and maybe added again) meanwhile: read it again.
        }

        throw new InvalidOperationException($"removing identity provider `{name}` kept conflicting with concurrent changes");
    }

    private static string ProviderKey(string name) => TableKey.Join("idp", name);

    private static string IssuerKey(string issuer) => "issuer|" + TableKey.Claim(issuer);

    private static IdentityProvider Read(TableEntity row) => new()
    {
        TenantId = row.GetString("TenantId")!,
        Name = row.GetString("Name")!,
        Issuer = row.GetString("Issuer")!,
        JwksUri = row.GetString("JwksUri") is { } uri ? new Uri(uri) : null,
        Jwks = TableLargeValue.Read(row, "Jwks"),
        Audience = row.GetString("Audience")!,
        CreatedAt = row.GetDateTime("CreatedAt")!.Value,
    };

    private Task<TableClient> Table(CancellationToken cancellationToken) => tables.GetAsync(AzureTableNames.IdentityProviders, cancellationToken);
}
