namespace Dome.Core.Catalog;

/// <summary>How a connection authenticates upstream, and which tenant secret holds the credential.</summary>
/// <remarks>
/// <see cref="SecretName"/> is null only for <see cref="AuthKind.None"/>; <see cref="HeaderName"/> is set only for
/// <see cref="AuthKind.Header"/>; <see cref="TokenUrl"/> (and optionally <see cref="Scope"/>) only for
/// <see cref="AuthKind.OAuth2ClientCredentials"/>. <see cref="CatalogValidator"/> enforces this.
/// </remarks>
public sealed record ConnectionAuth
{
    public required AuthKind Kind { get; init; }

    /// <summary>The name of the tenant secret holding the credential (never the credential itself).</summary>
    public required string? SecretName { get; init; }

    /// <summary>The header that carries the secret, for <see cref="AuthKind.Header"/>.</summary>
    public required string? HeaderName { get; init; }

    /// <summary>The token endpoint, for <see cref="AuthKind.OAuth2ClientCredentials"/>.</summary>
    public required Uri? TokenUrl { get; init; }

    /// <summary>The scope to ask the token endpoint for (space-separated), for <see cref="AuthKind.OAuth2ClientCredentials"/>.</summary>
    public required string? Scope { get; init; }

    public static ConnectionAuth None { get; } = new() { Kind = AuthKind.None, SecretName = null, HeaderName = null, TokenUrl = null, Scope = null };
}
