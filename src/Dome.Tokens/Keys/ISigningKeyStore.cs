namespace Dome.Tokens.Keys;

/// <summary>
/// Where Dome's signing keys live (embedded: <see cref="LocalSigningKeyStore"/>, a file encrypted with the local
/// Data Protection key ring; in Azure: Key Vault). The <see cref="SigningKeyRing"/> decides; the store keeps.
/// </summary>
public interface ISigningKeyStore
{
    /// <summary>Every stored key, oldest first; empty when none was ever created.</summary>
    Task<IReadOnlyList<SigningKey>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the stored keys with <paramref name="keys"/> in one change.</summary>
    Task SaveAsync(IReadOnlyList<SigningKey> keys, CancellationToken cancellationToken);
}
