using Dome.Core.Catalog;
using Dome.Functions.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dome.Functions.Endpoints;

/// <summary>
/// <c>/v1/admin/secrets</c>: set, list and remove the tenant's secrets. A value goes in through PUT and never
/// comes back out: answers carry the name and times only.
/// </summary>
internal static class AdminSecretsApi
{
    public static RouteGroupBuilder MapAdminSecretsApi(this RouteGroupBuilder admin)
    {
        var secrets = admin.MapGroup("/secrets").WithTags("Secrets");
        secrets.MapPut("/{name}", SetAsync).Accepts<SecretRequest>("application/json").WithName("SetSecret")
            .WithSummary("Create or replace a secret (`{\"value\": \"...\"}`); the value is encrypted at rest and never shown again.");
        secrets.MapGet("/", ListAsync).WithName("ListSecrets").WithSummary("List secret names, never values.");
        secrets.MapDelete("/{name}", RemoveAsync).WithName("RemoveSecret").WithSummary("Remove a secret.");
        return admin;
    }

    private static async Task<Results<Created<SecretView>, Ok<SecretView>>> SetAsync(HttpContext http, CatalogAdministration catalog, string name, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<SecretRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        var (info, created) = await catalog.SetSecretAsync(http.TenantId(), name, request.Value, cancellationToken).ConfigureAwait(false);
        return created ? TypedResults.Created($"/v1/admin/secrets/{name}", SecretView.Of(info)) : TypedResults.Ok(SecretView.Of(info));
    }

    private static async Task<Ok<SecretView[]>> ListAsync(HttpContext http, CatalogAdministration catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalog.ListSecretsAsync(http.TenantId(), cancellationToken).ConfigureAwait(false)).Select(SecretView.Of).ToArray());

    private static async Task<NoContent> RemoveAsync(HttpContext http, CatalogAdministration catalog, string name, CancellationToken cancellationToken)
    {
        await catalog.RemoveSecretAsync(http.TenantId(), name, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
