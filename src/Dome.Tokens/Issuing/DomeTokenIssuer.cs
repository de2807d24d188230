using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dome.Tokens.Keys;
using Dome.Tokens.Validation;
using Microsoft.Extensions.Options;

namespace Dome.Tokens.Issuing;

/// <summary>
/// Signs Dome's access tokens: a JWS (ES256, <c>kid</c>, <c>typ: at+jwt</c>) whose payload names the subject (user or
/// first agent), the tenant, the presenting agent, and the agents that acted before it as nested <c>act</c> claims.
/// </summary>
public sealed class DomeTokenIssuer(SigningKeyRing keys, DomeIssuer issuer, TimeProvider time, IOptions<TokenOptions> options)
{
    /// <summary>Issues a token for <paramref name="principal"/>, living the configured lifetime but never past <paramref name="notAfter"/>.</summary>
    public async Task<IssuedToken> IssueAsync(DomePrincipal principal, string audience, DateTimeOffset? notAfter, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var issuedAt = now.ToUnixTimeSeconds();
        var expires = now + options.Value.Lifetime;
        if (notAfter is { } limit && limit < expires)
        {
            expires = limit;
        }

        var expiresAt = expires.ToUnixTimeSeconds();
        var tokenId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var payload = Payload(principal, audience, issuedAt, expiresAt, tokenId);
        var key = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return new IssuedToken
        {
            AccessToken = Sign(key, payload),
            TokenId = tokenId,
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresAt),
            ExpiresIn = (int)Math.Max(0, expiresAt - issuedAt),
        };
    }

    /// <summary>Signs a payload as a Dome access token with <paramref name="key"/>.</summary>
    internal static string Sign(SigningKey key, ReadOnlySpan<byte> payload)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["alg"] = SigningKey.Algorithm,
            ["kid"] = key.Kid,
            ["typ"] = TokenTypes.AccessTokenJwtType,
        });
        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var signature = key.Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private byte[] Payload(DomePrincipal principal, string audience, long issuedAt, long expiresAt, string tokenId)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var agent = principal.Agent;
            json.WriteStartObject();
            json.WriteString("iss", issuer.Value);
            json.WriteString("sub", principal.Subject);
            json.WriteString("aud", audience);
            json.WriteNumber("iat", issuedAt);
            json.WriteNumber("nbf", issuedAt);
            json.WriteNumber("exp", expiresAt);
            json.WriteString("jti", tokenId);
            json.WriteString(DomeClaims.ClientId, agent.Id);
            json.WriteString(DomeClaims.Tenant, principal.TenantId);
            json.WriteString(DomeClaims.Workspace, agent.Workspace);
            json.WriteString(DomeClaims.AgentName, agent.Name);
            json.WriteString(DomeClaims.Tier, agent.Tier);
            if (principal.User is { } user)
            {
                json.WriteStartObject(DomeClaims.User);
                json.WriteString("iss", user.Issuer);
                json.WriteString("sub", user.Subject);
                json.WriteString(DomeClaims.Idp, user.IdentityProvider);
                WriteIfPresent(json, DomeClaims.Email, user.Email);
                WriteIfPresent(json, DomeClaims.Name, user.Name);
                WriteIfPresent(json, DomeClaims.Customer, user.Customer);
                json.WriteEndObject();
            }

            // The actors: every agent when a user is the subject, else every agent after the first (which is `sub`).
            // The outermost `act` is the presenting agent, each nested one the agent that called it.
            var actors = principal.User is null ? principal.Chain.Skip(1).ToArray() : principal.Chain.ToArray();
            for (var i = actors.Length - 1; i >= 0; i--)
            {
                json.WriteStartObject(DomeClaims.Act);
                json.WriteString("sub", actors[i].Id);
                json.WriteString(DomeClaims.AgentName, actors[i].Name);
                json.WriteString(DomeClaims.Workspace, actors[i].Workspace);
            }

            for (var i = 0; i < actors.Length; i++)
            {
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
