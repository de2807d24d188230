using System.Security.Claims;
using Dome.Core.Identity;
using Dome.Core.Storage;
using Dome.Tokens.Exchange;
using Dome.Tokens.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dome.Tokens.Providers;

/// <summary>
/// Verifies an end user's OIDC ID token for act-as: its issuer must be one of the tenant's trusted identity
/// providers, and the token must carry that provider's signature (by its JWKS, asymmetric algorithms only), its
/// exact issuer and audience, and be within <c>exp</c> and <c>nbf</c> give or take the clock skew.
/// </summary>
public sealed class IdTokenVerifier(
    IIdentityProviderStore providers,
    JwksCache jwks,
    TimeProvider time,
    IOptions<TokenOptions> options,
    ILogger<IdTokenVerifier> logger)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public async Task<VerifiedUser> VerifyAsync(string tenantId, string idToken, CancellationToken cancellationToken = default)
    {
        JsonWebToken unverified;
        try
        {
            unverified = new JsonWebToken(idToken);
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException or FormatException)
        {
            throw TokenExchangeException.Grant("id_token_malformed", "the subject_token is not a well-formed ID token (a signed JWT)");
        }

        var provider = (string.IsNullOrEmpty(unverified.Issuer) ? null
            : await providers.FindByIssuerAsync(tenantId, unverified.Issuer, cancellationToken).ConfigureAwait(false))
            ?? throw TokenExchangeException.Grant(
                "untrusted_issuer",
                "the ID token's issuer is not a trusted identity provider of this tenant; an admin adds it with `dome idp add`");

        var keys = await KeysAsync(provider, unverified.Kid, cancellationToken).ConfigureAwait(false);
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer,
            ValidAudience = provider.Audience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = options.Value.ClockSkew,
            LifetimeValidator = Lifetimes.Validator(time, options.Value.ClockSkew),
        };
        var result = await Handler.ValidateTokenAsync(idToken, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw TokenExchangeException.Grant("id_token_invalid", TokenFailures.Describe(result.Exception, "the ID token") + $" (identity provider `{provider.Name}`)");
        }

        var claims = result.ClaimsIdentity;
        var subject = claims.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(subject) || subject.Length > 255)
        {
            throw TokenExchangeException.Grant("id_token_invalid", "the ID token has no usable `sub` claim");
        }

        return new VerifiedUser
        {
            Issuer = provider.Issuer,
            Subject = subject,
            IdentityProvider = provider.Name,
            Email = Short(claims, "email"),
            Name = Short(claims, "name"),
            Customer = Customer(claims, provider),
        };
    }

    /// <summary>
    /// The user's customer from the provider's customer claim, or null when the token has none. A claim that is
    /// present but cannot name a customer (a list, an object, empty, too long, spaces) refuses the token: limits
    /// per customer must not be escaped by a malformed claim.
    /// </summary>
    private static string? Customer(ClaimsIdentity claims, IdentityProvider provider)
    {
        var name = provider.CustomerClaim ?? IdentityProvider.DefaultCustomerClaim;
        var found = claims.FindAll(name).ToList();
        if (found.Count == 0)
        {
            return null;
        }

        if (found.Count > 1 || found[0].ValueType is JsonClaimValueTypes.Json or JsonClaimValueTypes.JsonArray || !CustomerIds.IsValid(found[0].Value))
        {
            throw TokenExchangeException.Grant(
                "id_token_invalid",
                $"the ID token's `{name}` claim does not name a customer: it must be one string of 1 to {CustomerIds.MaxLength} characters without spaces (identity provider `{provider.Name}`)");
        }

        return found[0].Value;
    }

    private async Task<IList<SecurityKey>> KeysAsync(IdentityProvider provider, string? kid, CancellationToken cancellationToken)
    {
        if (provider.Jwks is { } inline)
        {
            return new JsonWebKeySet(inline).GetSigningKeys();
        }

        var set = await jwks.GetAsync(provider.JwksUri!, string.IsNullOrEmpty(kid) ? null : kid, cancellationToken).ConfigureAwait(false);
        if (set is null)
        {
            TokensLog.JwksUnavailable(logger, provider.Name, provider.JwksUri!);
            throw TokenExchangeException.Grant(
                "jwks_unavailable",
                $"the signing keys of identity provider `{provider.Name}` could not be fetched from {provider.JwksUri}; try again, or ask an admin to check it");
        }

        return set.GetSigningKeys();
    }

    private static string? Short(ClaimsIdentity claims, string type) =>
        claims.FindFirst(type)?.Value is { Length: > 0 and <= 320 } value ? value : null;
}
