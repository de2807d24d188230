using System.Net;
using Dome.Core.Errors;
using Dome.Core.Identity;
using Dome.Core.Registry;
using Dome.Core.Storage;
using Microsoft.IdentityModel.Tokens;

namespace Dome.Tokens.Providers;

/// <summary>
/// The trusted identity providers of a tenant: added, listed and removed by its admins. Every input is checked
/// before anything is stored: a name of registry shape, an http(s) issuer, an https JWKS URL (http only on
/// loopback, for development) or an inline JWKS with at least one signing key, and an audience.
/// </summary>
public sealed class IdentityProviders(IIdentityProviderStore store, TimeProvider time)
{
    public const int MaxJwksLength = 64 * 1024;

    public async Task<IdentityProvider> AddAsync(string tenantId, IdentityProviderRegistration request, CancellationToken cancellationToken = default)
    {
        if (!Names.TryValidate(request.Name, "identity provider name", out var problem))
        {
            throw DomeException.Invalid(problem);
        }

        RequireUrl(request.Issuer, "issuer", allowPlainHttp: true);
        if ((request.JwksUri is null) == (request.Jwks is null))
        {
            throw DomeException.Invalid("give exactly one of `jwksUri` (where the provider publishes its keys) and `jwks` (the key set itself)");
        }

        var jwksUri = request.JwksUri is null ? null : RequireUrl(request.JwksUri, "jwksUri", allowPlainHttp: false);
        if (request.Jwks is { } jwks)
        {
            RequireKeySet(jwks);
        }

        if (string.IsNullOrWhiteSpace(request.Audience) || request.Audience.Length > 256)
        {
            throw DomeException.Invalid("`audience` is required (at most 256 characters): the `aud` the provider's ID tokens carry for Dome");
        }

        if (request.CustomerClaim is { } claim && !CustomerIds.IsClaimName(claim))
        {
            throw DomeException.Invalid($"`customerClaim` must be a claim name of 1 to {CustomerIds.MaxClaimNameLength} characters without spaces or control characters, not `{claim}`");
        }

        var provider = new IdentityProvider
        {
            TenantId = tenantId,
            Name = request.Name,
            Issuer = request.Issuer!, // kept exactly as given: ID tokens are matched on the exact `iss`
            JwksUri = jwksUri,
            Jwks = request.Jwks,
            Audience = request.Audience,
            CreatedAt = time.GetUtcNow(),
            CustomerClaim = request.CustomerClaim,
        };
        if (!await store.AddAsync(provider, cancellationToken).ConfigureAwait(false))
        {
            throw DomeException.Conflict($"an identity provider named `{provider.Name}` or with issuer `{provider.Issuer}` is already trusted; remove it first");
        }

        return provider;
    }

    public Task<IReadOnlyList<IdentityProvider>> ListAsync(string tenantId, CancellationToken cancellationToken = default) =>
        store.ListAsync(tenantId, cancellationToken);

    public async Task RemoveAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        if (!await store.RemoveAsync(tenantId, name, cancellationToken).ConfigureAwait(false))
        {
            throw DomeException.NotFound($"no identity provider named `{name}`; `dome idp list` shows the trusted ones");
        }
    }

    private static Uri RequireUrl(string? text, string what, bool allowPlainHttp)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 2048 || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw DomeException.Invalid($"`{what}` must be an absolute http(s) URL without fragment or credentials, not `{text}`");
        }

        if (uri.Scheme == "http" && !allowPlainHttp && !IsLoopback(uri))
        {
            throw DomeException.Invalid($"`{what}` must use https (plain http is accepted only on loopback, for development), not `{text}`");
        }

        return uri;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static void RequireKeySet(string jwks)
    {
        if (jwks.Length > MaxJwksLength)
        {
            throw DomeException.Invalid($"`jwks` is {jwks.Length} characters long; at most {MaxJwksLength} are allowed");
        }

        IList<SecurityKey> keys;
        try
        {
            keys = new JsonWebKeySet(jwks).GetSigningKeys();
        }
        catch (ArgumentException)
        {
            throw DomeException.Invalid("`jwks` is not a JWK Set: send a JSON object with a `keys` array (RFC 7517)");
        }

        if (keys.Count == 0)
        {
            throw DomeException.Invalid("`jwks` holds no usable signing key (RSA or EC, `use: sig` or no `use`)");
        }
    }
}
