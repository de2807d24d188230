namespace Dome.Tokens.Exchange;

/// <summary>The error codes of RFC 6749 §5.2 and RFC 8707 §2 the token endpoint answers with.</summary>
public static class OAuthErrors
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidGrant = "invalid_grant";
    public const string UnauthorizedClient = "unauthorized_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string InvalidTarget = "invalid_target";
}
