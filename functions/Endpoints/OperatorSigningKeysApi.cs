using Dome.Functions.Contracts;
using Dome.Tokens.Keys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dome.Functions.Endpoints;

/// <summary><c>/v1/operator/signing-keys</c>: Dome's token signing keys; the operator key only.</summary>
internal static class OperatorSigningKeysApi
{
    public static RouteGroupBuilder MapOperatorSigningKeysApi(this RouteGroupBuilder group)
    {
        var keys = group.MapGroup("/signing-keys").WithTags("Operator");
        keys.MapGet("/", ListAsync).WithName("ListSigningKeys").WithSummary("The published signing keys, newest first.");
        keys.MapPost("/rotate", RotateAsync).WithName("RotateSigningKey")
            .WithSummary("Add a new signing key; the old one stays published until every token it signed has expired.");
        return group;
    }

    private static async Task<Ok<SigningKeyView[]>> ListAsync(SigningKeyRing ring, CancellationToken cancellationToken) =>
        TypedResults.Ok((await ring.PublishedAsync(cancellationToken).ConfigureAwait(false)).Select(SigningKeyView.Of).ToArray());

    private static async Task<Ok<SigningKeyView[]>> RotateAsync(SigningKeyRing ring, CancellationToken cancellationToken)
    {
        await ring.RotateAsync(cancellationToken).ConfigureAwait(false);
        return await ListAsync(ring, cancellationToken).ConfigureAwait(false);
    }
}
