using System.Text.Json;
using Dome.Core.Identity;
using Dome.Core.Registry;
using Dome.Tokens.Issuing;
using Dome.Tokens.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dome.Tokens.Validation;

/// <summary>
/// Checks a Dome access token for the gateway (and for on-behalf-of exchanges), failing closed:
/// 1. the JWS: <c>typ: at+jwt</c>, <c>alg: ES256</c> only, a published <c>kid</c>, a signature that verifies;
/// 2. the claims: Dome's issuer, the expected audience, <c>exp</c> and <c>nbf</c> within the clock skew;
/// 3. the principal: tenant, subject, well-formed <c>act</c> chain of at most <see cref="DomeClaims.MaxChain"/> agents;
/// 4. the registry: every agent of the chain exists in the tenant and is <c>active</c> now.
/// </summary>
public sealed class DomeTokenValidator(SigningKeyRing keys, DomeIssuer issuer, AgentStatusCache agents, TimeProvider time, IOptions<TokenOptions> options)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    private readonly ValidatedTokenCache validated = new();

    /// <summary>Validates a token for <paramref name="audience"/> (default: the gateway's own), or for any of Dome's audiences when <paramref name="anyDomeAudience"/>.</summary>
    public async Task<TokenCheck> ValidateAsync(string? token, string? audience = null, bool anyDomeAudience = false, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 16 * 1024)
        {
            return TokenCheck.Refused("no token was presented, or it is too long");
        }

        // :: Step 1 and 2: signature and registered claims (remembered per token until it expires; see ValidatedTokenCache).
        var published = await keys.PublishedAsync(cancellationToken).ConfigureAwait(false);
        var skew = options.Value.ClockSkew;
        var now = time.GetUtcNow().UtcDateTime;
        var cacheKey = ValidatedTokenCache.KeyOf(token, anyDomeAudience ? "*" : audience ?? issuer.DefaultAudience);
        if (!validated.TryGet(cacheKey, published, now, skew, out var claims))
        {
            var parameters = new TokenValidationParameters
            {
                ValidIssuer = issuer.Value,
                ValidAudiences = anyDomeAudience ? issuer.Audiences : [audience ?? issuer.DefaultAudience],
                IssuerSigningKeys = published.Select(k => k.SecurityKey).ToArray(),
                TryAllIssuerSigningKeys = false,
                ValidAlgorithms = [SigningKey.Algorithm],
                ValidTypes = [TokenTypes.AccessTokenJwtType],
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = skew,
                LifetimeValidator = Lifetimes.Validator(time, skew),
            };
            var result = await Handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
            if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
            {
                return TokenCheck.Refused(TokenFailures.Describe(result.Exception, "the token"));
            }

            // :: Step 3: the principal the claims describe.
            if (!TryReadClaims(jwt, out var tenantId, out var user, out var chainIds))
            {
                return TokenCheck.Refused("the token's claims are not those of a Dome access token");
            }

            claims = new ValidatedClaims
            {
                TenantId = tenantId,
                User = user,
                ChainIds = chainIds,
                TokenId = jwt.Id,
                Audience = jwt.Audiences.First(),
                KeyId = jwt.Kid,
                ExpiresAt = jwt.ValidTo,
                NotBefore = jwt.ValidFrom,
            };
            validated.Add(cacheKey, claims, now);
        }

        // :: Step 4: every agent of the chain is still active (on every call: suspension and revocation apply at once).
        var chain = new List<AgentRef>(claims.ChainIds.Count);
        foreach (var agentId in claims.ChainIds)
        {
            var agent = await agents.GetAsync(claims.TenantId, agentId, cancellationToken).ConfigureAwait(false);
            if (agent is null)
            {
                return TokenCheck.Refused($"agent `{agentId}` of the token's chain no longer exists");
            }

            if (agent.Status != AgentStatus.Active)
            {
                return TokenCheck.Refused($"agent `{agent.Name}` of the token's chain is {WireNames.Of(agent.Status)}; only active agents' tokens are accepted");
            }

            chain.Add(new AgentRef { Id = agent.Id, Name = agent.Name, Workspace = agent.Workspace, Tier = WireNames.Of(agent.Tier) });
        }

        var principal = new DomePrincipal { TenantId = claims.TenantId, User = claims.User, Chain = chain };
        return TokenCheck.Valid(new VerifiedToken
        {
            Principal = principal,
            TokenId = claims.TokenId,
            Audience = claims.Audience,
            ExpiresAt = new DateTimeOffset(claims.ExpiresAt, TimeSpan.Zero),
        });
    }

    /// <summary>Reads tenant, user and the chain of agent ids (innermost first) from the claims.</summary>
    private static bool TryReadClaims(JsonWebToken jwt, out string tenantId, out VerifiedUser? user, out IReadOnlyList<string> chain)
    {
        tenantId = string.Empty;
        user = null;
        chain = [];
        if (!jwt.TryGetPayloadValue<string>(DomeClaims.Tenant, out var tenant) || string.IsNullOrEmpty(tenant) || string.IsNullOrEmpty(jwt.Subject))
        {
            return false;
        }

        using var payload = JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(jwt.EncodedPayload));
        var root = payload.RootElement;
        if (root.TryGetProperty(DomeClaims.User, out var userClaim))
        {
            if (userClaim.ValueKind != JsonValueKind.Object || Text(userClaim, "iss") is not { } iss || Text(userClaim, "sub") is not { } sub
                || Text(userClaim, DomeClaims.Idp) is not { } idp || iss + "#" + sub != jwt.Subject
                || (userClaim.TryGetProperty(DomeClaims.Customer, out _) && !CustomerIds.IsValid(Text(userClaim, DomeClaims.Customer))))
            {
                return false;
            }

            user = new VerifiedUser
            {
                Issuer = iss, Subject = sub, IdentityProvider = idp, Email = Text(userClaim, DomeClaims.Email), Name = Text(userClaim, DomeClaims.Name),
                Customer = Text(userClaim, DomeClaims.Customer),
            };
        }

        var actors = new List<string>();
        for (var element = root; element.TryGetProperty(DomeClaims.Act, out var act);)
        {
            if (act.ValueKind != JsonValueKind.Object || Text(act, "sub") is not { } actor || actors.Count >= DomeClaims.MaxChain)
            {
                return false;
            }

            actors.Add(actor);
            element = act;
        }

        // Outermost `act` first in the claims; the chain is innermost first. Without a user, `sub` is the first agent.
        actors.Reverse();
        if (user is null)
        {
            actors.Insert(0, jwt.Subject);
        }

        if (actors.Count == 0 || actors.Count > DomeClaims.MaxChain
            || !jwt.TryGetPayloadValue<string>(DomeClaims.ClientId, out var clientId) || clientId != actors[^1])
        {
            return false;
        }

        tenantId = tenant;
        chain = actors;
        return true;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
