using Microsoft.Extensions.Logging;

namespace Dome.Tokens;

/// <summary>
/// The token library's log lines (event ids 5000–5099). Allowlisted fields only: OAuth error and reason codes,
/// agent ids, API key ids and <c>kid</c>s, which attribute without granting anything; never a token, key or secret.
/// </summary>
internal static partial class TokensLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Token issued to agent {AgentId} (tenant {TenantId}, chain of {ChainLength}, jti {TokenId})")]
    public static partial void Issued(ILogger logger, string agentId, string tenantId, int chainLength, string tokenId);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Token exchange refused with {Error} ({Reason}); agent {AgentId}, API key id {KeyId}")]
    public static partial void Refused(ILogger logger, string error, string reason, string agentId, string keyId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Signing keys rotated: {Kid} now signs; {Retired} stays published until {PublishedUntil}")]
    public static partial void Rotated(ILogger logger, string kid, string retired, DateTimeOffset publishedUntil);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Could not fetch the JWKS of identity provider {Provider} from {JwksUri}")]
    public static partial void JwksUnavailable(ILogger logger, string provider, Uri jwksUri);
}
