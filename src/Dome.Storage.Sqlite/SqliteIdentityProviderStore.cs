using Dome.Core.Identity;
using Dome.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>Trusted identity providers in the embedded database.</summary>
public sealed class SqliteIdentityProviderStore(SqliteDatabase database) : IIdentityProviderStore
{
    private const string Columns = "tenant_id, name, issuer, jwks_uri, jwks, audience, created_at, customer_claim";

    public async Task<bool> AddAsync(IdentityProvider provider, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.Command(
            $"INSERT INTO identity_providers ({Columns}) VALUES ($t, $n, $i, $u, $j, $a, $c, $cc)", null,
            ("$t", provider.TenantId), ("$n", provider.Name), ("$i", provider.Issuer), ("$u", provider.JwksUri?.AbsoluteUri),
            ("$j", provider.Jwks), ("$a", provider.Audience), ("$c", provider.CreatedAt.ToText()), ("$cc", provider.CustomerClaim));
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }

    public Task<IReadOnlyList<IdentityProvider>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        QueryAsync("tenant_id = $t AND $p IS NULL ORDER BY name", tenantId, null, cancellationToken);

    public async Task<IdentityProvider?> FindByIssuerAsync(string tenantId, string issuer, CancellationToken cancellationToken) =>
        (await QueryAsync("tenant_id = $t AND issuer = $p", tenantId, issuer, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public async Task<bool> RemoveAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.Command("DELETE FROM identity_providers WHERE tenant_id = $t AND name = $n", null, ("$t", tenantId), ("$n", name));
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task<IReadOnlyList<IdentityProvider>> QueryAsync(string where, string tenantId, string? parameter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM identity_providers WHERE {where}", null, ("$t", tenantId), ("$p", parameter));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var providers = new List<IdentityProvider>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            providers.Add(new IdentityProvider
            {
                TenantId = reader.GetString(0),
                Name = reader.GetString(1),
                Issuer = reader.GetString(2),
                JwksUri = reader.NullableString(3) is { } uri ? new Uri(uri) : null,
                Jwks = reader.NullableString(4),
                Audience = reader.GetString(5),
                CreatedAt = reader.GetString(6).ToTime(),
                CustomerClaim = reader.NullableString(7),
            });
        }

        return providers;
    }
}
