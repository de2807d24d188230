using System.Text.Json;
using Dome.Functions.Contracts;
using Dome.Tokens.Providers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dome.Functions.Endpoints;

/// <summary><c>/v1/admin/identity-providers</c>: the OIDC issuers the tenant trusts for act-as.</summary>
internal static class AdminIdentityProvidersApi
{
    public static RouteGroupBuilder MapAdminIdentityProvidersApi(this RouteGroupBuilder admin)
    {
        var providers = admin.MapGroup("/identity-providers").WithTags("Identity providers");
        providers.MapPost("/", AddAsync).Accepts<IdentityProviderRequest>("application/json").WithName("AddIdentityProvider")
            .WithSummary("Trust an OIDC issuer: its ID tokens (for the audience given) prove end users for act-as.");
        providers.MapGet("/", ListAsync).WithName("ListIdentityProviders");
        providers.MapDelete("/{name}", RemoveAsync).WithName("RemoveIdentityProvider");
        return admin;
    }

    private static async Task<Created<IdentityProviderView>> AddAsync(HttpContext http, IdentityProviders providers, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<IdentityProviderRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        var registration = new IdentityProviderRegistration
        {
            Name = request.Name,
            Issuer = request.Issuer,
            JwksUri = request.JwksUri,
            Jwks = request.Jwks is { ValueKind: not JsonValueKind.Null } jwks ? jwks.GetRawText() : null,
            Audience = request.Audience,
            CustomerClaim = request.CustomerClaim,
        };
        var provider = await providers.AddAsync(http.TenantId(), registration, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/v1/admin/identity-providers/{provider.Name}", IdentityProviderView.Of(provider));
    }

    private static async Task<Ok<IdentityProviderView[]>> ListAsync(HttpContext http, IdentityProviders providers, CancellationToken cancellationToken)
    {
        var list = await providers.ListAsync(http.TenantId(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(IdentityProviderView.Of).ToArray());
    }

    private static async Task<NoContent> RemoveAsync(HttpContext http, IdentityProviders providers, string name, CancellationToken cancellationToken)
    {
        await providers.RemoveAsync(http.TenantId(), name, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
