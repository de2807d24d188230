using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Dome.Tokens.Keys;

/// <summary>
/// The embedded key store: <c>&lt;data-dir&gt;/signing-keys.json</c> (mode 0600), each private key encrypted with
/// ASP.NET Core Data Protection, whose own key ring lives beside it in the data directory. Writes go to a
/// temporary file that replaces the old one, so a crash never leaves half a key file.
/// </summary>
public sealed class LocalSigningKeyStore(IDataProtectionProvider protection, string path) : ISigningKeyStore
{
    public const string FileName = "signing-keys.json";

    private readonly IDataProtector protector = protection.CreateProtector("Dome.Tokens.SigningKeys.v1");

    public async Task<IReadOnlyList<SigningKey>> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        await using var stream = File.OpenRead(path);
        var stored = await JsonSerializer.DeserializeAsync(stream, TokensJsonContext.Default.StoredSigningKeys, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"the signing key file `{path}` is empty");
        return stored.Keys.Select(Unprotect).ToArray();
    }

    public async Task SaveAsync(IReadOnlyList<SigningKey> keys, CancellationToken cancellationToken)
    {
        var stored = new StoredSigningKeys { Keys = keys.Select(Protect).ToArray() };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(stream, stored, TokensJsonContext.Default.StoredSigningKeys, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private StoredSigningKey Protect(SigningKey key) => new()
    {
        Kid = key.Kid,
        CreatedAt = key.CreatedAt,
        RetiredAt = key.RetiredAt,
        PublishedUntil = key.PublishedUntil,
        ProtectedKey = Base64Url.EncodeToString(protector.Protect(key.Key.ExportPkcs8PrivateKey())),
    };

    private SigningKey Unprotect(StoredSigningKey stored)
    {
        var pkcs8 = protector.Unprotect(Base64Url.DecodeFromChars(stored.ProtectedKey));
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(pkcs8, out _);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        return new SigningKey { Kid = stored.Kid, Key = key, CreatedAt = stored.CreatedAt, RetiredAt = stored.RetiredAt, PublishedUntil = stored.PublishedUntil };
    }
}
