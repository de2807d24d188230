using System.Security.Cryptography;
using System.Text;
using Dome.Core.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>
/// The embedded secret store: values encrypted with ASP.NET Core Data Protection (authenticated encryption, key
/// ring in the data directory) and kept in the <c>secrets</c> table. Each value is bound to its tenant and name
/// (protector purposes), so a ciphertext copied to another row does not decrypt. A missing or changed key ring,
/// or a database that cannot be read, surfaces as <see cref="SecretStoreException"/>.
/// </summary>
public sealed class SqliteSecretStore(SqliteDatabase database, IDataProtectionProvider protection) : ISecretStore
{
    private const string Purpose = "Dome.Secrets.v1";

    public async ValueTask<SecretValue?> GetAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        byte[] ciphertext;
        try
        {
            await using var db = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = db.Command("SELECT ciphertext FROM secrets WHERE tenant_id = $t AND name = $n", null, ("$t", tenantId), ("$n", name));
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not byte[] stored)
            {
                return null;
            }

            ciphertext = stored;
        }
        catch (SqliteException e)
        {
            throw new SecretStoreException("the secret store is unavailable", e);
        }

        try
        {
            return new SecretValue(Encoding.UTF8.GetString(Protector(tenantId, name).Unprotect(ciphertext)));
        }
        catch (CryptographicException e)
        {
            throw new SecretStoreException($"the secret `{name}` cannot be decrypted: the key ring is missing or was replaced; set the secret again", e);
        }
    }

    public async Task<bool> SetAsync(string tenantId, string name, SecretValue value, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] ciphertext;
        try
        {
            ciphertext = Protector(tenantId, name).Protect(Encoding.UTF8.GetBytes(value.Reveal()));
        }
        catch (CryptographicException e)
        {
            throw new SecretStoreException("the secret cannot be encrypted: the key ring is unavailable", e);
        }

        try
        {
            await using var db = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var update = db.Command(
                "UPDATE secrets SET ciphertext = $c, updated_at = $at WHERE tenant_id = $t AND name = $n",
                transaction, ("$c", ciphertext), ("$at", at.ToText()), ("$t", tenantId), ("$n", name));
            var created = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0;
            if (created)
            {
                await using var insert = db.Command(
                    "INSERT INTO secrets (tenant_id, name, ciphertext, created_at, updated_at) VALUES ($t, $n, $c, $at, $at)",
                    transaction, ("$c", ciphertext), ("$at", at.ToText()), ("$t", tenantId), ("$n", name));
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return created;
        }
        catch (SqliteException e)
        {
            throw new SecretStoreException("the secret store is unavailable", e);
        }
    }

    public async Task<bool> DeleteAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        await using var db = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = db.Command("DELETE FROM secrets WHERE tenant_id = $t AND name = $n", null, ("$t", tenantId), ("$n", name));
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<SecretInfo>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var db = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command("SELECT name, created_at, updated_at FROM secrets WHERE tenant_id = $t ORDER BY name", null, ("$t", tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var secrets = new List<SecretInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            secrets.Add(new SecretInfo { TenantId = tenantId, Name = reader.GetString(0), CreatedAt = reader.GetString(1).ToTime(), UpdatedAt = reader.GetString(2).ToTime() });
        }

        return secrets;
    }

    private IDataProtector Protector(string tenantId, string name) => protection.CreateProtector(Purpose, tenantId, name);
}
