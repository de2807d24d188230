namespace Dome.Tokens;

/// <summary>The grant and token type URIs of RFC 8693, and Dome's own for API keys.</summary>
public static class TokenTypes
{
    public const string TokenExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";
    public const string ApiKey = "urn:dome:params:oauth:token-type:api-key";
    public const string IdToken = "urn:ietf:params:oauth:token-type:id_token";
    public const string AccessToken = "urn:ietf:params:oauth:token-type:access_token";

    /// <summary>The JOSE <c>typ</c> of Dome's access tokens (RFC 9068), which no ID token carries.</summary>
    public const string AccessTokenJwtType = "at+jwt";
}
