namespace Dome.Core.Catalog;

/// <summary>How Dome authenticates to a connection's upstream. The credential comes from the secret store.</summary>
public enum AuthKind
{
    /// <summary>No credential is sent.</summary>
    None,

    /// <summary><c>Authorization: Bearer SECRET</c>.</summary>
    Bearer,

    /// <summary>The secret in a named header (an API key header such as <c>X-Api-Key</c>).</summary>
    Header,

    /// <summary><c>Authorization: Basic base64(SECRET)</c>; the secret is <c>username:password</c>.</summary>
    Basic,

    /// <summary>
    /// A token from the connection's token URL (OAuth 2.0 client credentials grant), sent as a bearer token;
    /// the secret is <c>client_id:client_secret</c>.
    /// </summary>
    OAuth2ClientCredentials,
}
