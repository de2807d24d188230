using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Dome.Tokens.Keys;

namespace Dome.Storage.Azure.KeyVault;

/// <summary>
/// Dome's signing keys in Azure Key Vault: one secret per key (<c>dome-signing--&lt;kid&gt;</c>) whose value is the
/// PKCS#8 private key in base64, tagged with the kid, its status (<c>current</c> or <c>retired</c>) and its times.
/// Key Vault encrypts it at rest and only the app's identity may read it.
/// </summary>
/// <remarks>
/// A save writes the keys that are new, then those whose tags changed, then soft-deletes the secrets of keys no
/// longer in the list. Key Vault has no transaction over several secrets; the order makes a crash in between harmless: the
/// next load sees the new current key and, at worst, a dropped key still listed until the next rotation.
/// </remarks>
internal sealed class KeyVaultSigningKeyStore(SecretClient client) : ISigningKeyStore
{
    public const string KidTag = "dome-kid";
    public const string StatusTag = "dome-status";
    public const string CreatedTag = "dome-created";
    public const string RetiredTag = "dome-retired";
    public const string PublishedUntilTag = "dome-published-until";

    public async Task<IReadOnlyList<SigningKey>> LoadAsync(CancellationToken cancellationToken)
    {
        var keys = new List<SigningKey>();
        foreach (var properties in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var secret = (await client.GetSecretAsync(properties.Name, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            keys.Add(Key(secret));
        }

        return [.. keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.RetiredAt is null).ThenBy(k => k.Kid, StringComparer.Ordinal)];
    }

    public async Task SaveAsync(IReadOnlyList<SigningKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var stored = (await ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var kept = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // New keys first, so a crash part-way never leaves the vault without a current key.
        foreach (var key in keys.OrderBy(k => stored.ContainsKey(KeyVaultNames.SigningKey(k.Kid)) ? 1 : 0))
        {
            var name = KeyVaultNames.SigningKey(key.Kid);
            kept.Add(name);
            var tags = Tags(key);
            if (stored.TryGetValue(name, out var existing) && tags.All(t => existing.Tags.TryGetValue(t.Key, out var v) && v == t.Value) && existing.Tags.Count == tags.Count)
            {
                continue;
            }

            var secret = new KeyVaultSecret(name, Convert.ToBase64String(key.Key.ExportPkcs8PrivateKey()));
            secret.Properties.ContentType = "application/pkcs8";
            foreach (var (tag, value) in tags)
            {
                secret.Properties.Tags[tag] = value;
            }

            await client.SetSecretAsync(secret, cancellationToken).ConfigureAwait(false);
        }

        foreach (var name in stored.Keys.Where(n => !kept.Contains(n)))
        {
            try
            {
                await client.StartDeleteSecretAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Already gone: what the save wanted.
            }
        }
    }

    private async Task<List<SecretProperties>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<SecretProperties>();
        await foreach (var properties in client.GetPropertiesOfSecretsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (properties.Enabled != false && KeyVaultNames.Decode(properties.Name, KeyVaultNames.SigningKeyPrefix) is not null)
            {
                list.Add(properties);
            }
        }

        return list;
    }

    private static Dictionary<string, string> Tags(SigningKey key)
    {
        var tags = new Dictionary<string, string>
        {
            [KidTag] = key.Kid,
            [StatusTag] = key.RetiredAt is null ? "current" : "retired",
            [CreatedTag] = Text(key.CreatedAt),
        };
        if (key.RetiredAt is { } retired)
        {
            tags[RetiredTag] = Text(retired);
        }

        if (key.PublishedUntil is { } until)
        {
            tags[PublishedUntilTag] = Text(until);
        }

        return tags;
    }

    private static SigningKey Key(KeyVaultSecret secret)
    {
        var tags = secret.Properties.Tags;
        var kid = tags.TryGetValue(KidTag, out var k) ? k : throw new InvalidDataException($"the key vault secret `{secret.Name}` has no `{KidTag}` tag");
        var pkcs8 = Convert.FromBase64String(secret.Value);
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        }
        catch (CryptographicException e)
        {
            ecdsa.Dispose();
            throw new InvalidDataException($"the key vault secret `{secret.Name}` does not hold a PKCS#8 EC private key", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        return new SigningKey
        {
            Kid = kid,
            Key = ecdsa,
            CreatedAt = KeyVaultSecretStore.Time(tags, CreatedTag) ?? throw new InvalidDataException($"the key vault secret `{secret.Name}` has no valid `{CreatedTag}` tag"),
            RetiredAt = KeyVaultSecretStore.Time(tags, RetiredTag),
            PublishedUntil = KeyVaultSecretStore.Time(tags, PublishedUntilTag),
        };
    }

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
