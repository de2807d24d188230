using System.Globalization;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Dome.Core.Secrets;

namespace Dome.Storage.Azure.KeyVault;

/// <summary>
/// Tenants' secrets in Azure Key Vault, one vault secret per Dome secret (named by <see cref="KeyVaultNames"/>),
/// tagged with the tenant, the Dome name and Dome's own created/updated times. Replacing a secret adds a version.
/// </summary>
/// <remarks>
/// Deleting is Key Vault's soft delete: the secret leaves the vault's live names at once and stays recoverable for
/// the vault's retention period (purging is left to operators, so the identity needs no purge right). Setting a
/// secret whose name is soft-deleted recovers it first and then writes the new value as a new version.
/// Fail closed: any answer but success or "not found" throws <see cref="SecretStoreException"/>, whose message
/// names the secret and the status, never the value.
/// </remarks>
internal sealed class KeyVaultSecretStore(SecretClient client) : ISecretStore
{
    public const string TenantTag = "dome-tenant";
    public const string NameTag = "dome-name";
    public const string CreatedTag = "dome-created";
    public const string UpdatedTag = "dome-updated";

    public async ValueTask<SecretValue?> GetAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        var vaultName = KeyVaultNames.Secret(tenantId, name);
        try
        {
            var secret = (await client.GetSecretAsync(vaultName, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return secret.Properties.Enabled == false ? null : new SecretValue(secret.Value);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Unavailable("read", tenantId, name, e);
        }
    }

    public async Task<bool> SetAsync(string tenantId, string name, SecretValue value, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var vaultName = KeyVaultNames.Secret(tenantId, name);
        try
        {
            var createdAt = await CreatedAtAsync(vaultName, cancellationToken).ConfigureAwait(false);
            try
            {
                await client.SetSecretAsync(Secret(vaultName, tenantId, name, value, createdAt ?? at, at), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Soft-deleted under this name: recover it, then write the value as a new version of a new secret.
                var recovery = await client.StartRecoverDeletedSecretAsync(vaultName, cancellationToken).ConfigureAwait(false);
                await recovery.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
                createdAt = null;
                await client.SetSecretAsync(Secret(vaultName, tenantId, name, value, at, at), cancellationToken).ConfigureAwait(false);
            }

            return createdAt is null;
        }
        catch (Exception e) when (e is not (OperationCanceledException or ArgumentException))
        {
            throw Unavailable("write", tenantId, name, e);
        }
    }

    public async Task<bool> DeleteAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        var vaultName = KeyVaultNames.Secret(tenantId, name);
        try
        {
            var deletion = await client.StartDeleteSecretAsync(vaultName, cancellationToken).ConfigureAwait(false);
            await deletion.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Unavailable("delete", tenantId, name, e);
        }
    }

    public async Task<IReadOnlyList<SecretInfo>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var prefix = KeyVaultNames.TenantPrefix(tenantId);
        var list = new List<SecretInfo>();
        try
        {
            await foreach (var properties in client.GetPropertiesOfSecretsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (properties.Enabled != false && KeyVaultNames.Decode(properties.Name, prefix) is { } name)
                {
                    list.Add(new SecretInfo
                    {
                        TenantId = tenantId,
                        Name = name,
                        CreatedAt = Time(properties.Tags, CreatedTag) ?? properties.CreatedOn ?? DateTimeOffset.MinValue,
                        UpdatedAt = Time(properties.Tags, UpdatedTag) ?? properties.UpdatedOn ?? DateTimeOffset.MinValue,
                    });
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new SecretStoreException($"key vault could not list the secrets of tenant `{tenantId}`: {Reason(e)}", e);
        }

        return [.. list.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>When the live secret was first set; null when there is none.</summary>
    private async Task<DateTimeOffset?> CreatedAtAsync(string vaultName, CancellationToken cancellationToken)
    {
        try
        {
            var current = (await client.GetSecretAsync(vaultName, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return Time(current.Properties.Tags, CreatedTag) ?? current.Properties.CreatedOn;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static KeyVaultSecret Secret(string vaultName, string tenantId, string name, SecretValue value, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var secret = new KeyVaultSecret(vaultName, value.Reveal());
        secret.Properties.ContentType = "text/plain";
        secret.Properties.Tags[TenantTag] = tenantId;
        secret.Properties.Tags[NameTag] = name;
        secret.Properties.Tags[CreatedTag] = createdAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        secret.Properties.Tags[UpdatedTag] = updatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        return secret;
    }

    internal static DateTimeOffset? Time(IDictionary<string, string> tags, string tag) =>
        tags.TryGetValue(tag, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    internal static string Reason(Exception e) => e is RequestFailedException failed
        ? failed.Status == 0 ? "it could not be reached" : $"status {failed.Status}{(failed.ErrorCode is { } code ? $" ({code})" : string.Empty)}"
        : $"{e.GetType().Name}";

    private static SecretStoreException Unavailable(string action, string tenantId, string name, Exception e) =>
        new($"key vault could not {action} the secret `{name}` of tenant `{tenantId}`: {Reason(e)}", e);
}
