namespace Dome.Core.Secrets;

/// <summary>
/// Named secrets of a tenant (upstream credentials). Values go in and come out only through this port: never in
/// a log, a response, an audit event or an exception message.
/// </summary>
/// <remarks>
/// Fail closed: when the store cannot answer (unreachable, key ring missing, a value that does not decrypt)
/// <see cref="GetAsync"/> throws <see cref="SecretStoreException"/>, never returns a wrong or empty value. A caller
/// that must inject a credential treats any exception, and a missing secret, as a deny.
/// </remarks>
public interface ISecretStore
{
    /// <summary>The secret's value, or null if the tenant has no secret of that name.</summary>
    /// <exception cref="SecretStoreException">The store is unavailable or the stored value cannot be decrypted.</exception>
    ValueTask<SecretValue?> GetAsync(string tenantId, string name, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a secret; true when it was created, false when replaced.</summary>
    Task<bool> SetAsync(string tenantId, string name, SecretValue value, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes a secret; false if there is none.</summary>
    Task<bool> DeleteAsync(string tenantId, string name, CancellationToken cancellationToken);

    /// <summary>The tenant's secrets by name, without values.</summary>
    Task<IReadOnlyList<SecretInfo>> ListAsync(string tenantId, CancellationToken cancellationToken);
}
