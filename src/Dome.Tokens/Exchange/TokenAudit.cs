using System.Security.Cryptography;
using Dome.Core.Identity;
using Dome.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Dome.Tokens.Exchange;

/// <summary>
/// Records every issued token and refused exchange as a <see cref="TokenEvent"/> (agent-independent: a refusal
/// may know no agent) and logs an allowlisted line. Until Dome has its audit store, the events are its audit of
/// the token endpoint.
/// </summary>
public sealed class TokenAudit(ITokenEventStore events, TimeProvider time, ILogger<TokenAudit> logger)
{
    public async Task IssuedAsync(string tenantId, string agentId, string keyId, string tokenId, int chainLength, CancellationToken cancellationToken)
    {
        TokensLog.Issued(logger, agentId, tenantId, chainLength, tokenId);
        await events.AppendAsync(Event(TokenEventKind.Issued, tenantId, agentId, keyId, tokenId, null), cancellationToken).ConfigureAwait(false);
    }

    public async Task RefusedAsync(TokenExchangeException refusal, string? tenantId, string? agentId, string? keyId, CancellationToken cancellationToken)
    {
        TokensLog.Refused(logger, refusal.Error, refusal.Reason, agentId ?? "-", keyId ?? "-");
        await events.AppendAsync(Event(TokenEventKind.Refused, tenantId, agentId, keyId, refusal.Error, refusal.Reason), cancellationToken).ConfigureAwait(false);
    }

    private TokenEvent Event(TokenEventKind kind, string? tenantId, string? agentId, string? keyId, string detail, string? reason)
    {
        var now = time.GetUtcNow();
        return new TokenEvent
        {
            Id = "tev_" + Guid.CreateVersion7(now).ToString("N") + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2)),
            Kind = kind,
            TenantId = tenantId,
            AgentId = agentId,
            KeyId = keyId,
            Detail = detail,
            Reason = reason,
            At = now,
        };
    }
}
