using System.Text.Json.Serialization;

namespace Dome.Tokens.Exchange;

/// <summary>A successful token exchange response (RFC 8693 §2.2.1).</summary>
public sealed record TokenResponse
{
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    [JsonPropertyName("issued_token_type")]
    public string IssuedTokenType => TokenTypes.AccessToken;

    [JsonPropertyName("token_type")]
    public string TokenType => "Bearer";

    [JsonPropertyName("expires_in")]
    public required int ExpiresIn { get; init; }
}
