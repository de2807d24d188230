using Dome.Core.Errors;
using Dome.Functions.Contracts;
using Dome.Tokens.Validation;

namespace Dome.Functions.Endpoints;

/// <summary><c>GET /v1/whoami</c>: the verified principal and chain of a Dome bearer token, or 401.</summary>
internal static class WhoAmIApi
{
    public static WebApplication MapWhoAmI(this WebApplication app)
    {
        app.MapGet("/v1/whoami", WhoAmIAsync).WithTags("Identity").WithName("WhoAmI")
            .WithSummary("Who a Dome access token speaks for: the user (act-as) and the chain of agents.");
        return app;
    }

    private static async Task<IResult> WhoAmIAsync(HttpContext http, DomeTokenValidator validator, CancellationToken cancellationToken)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var check = await validator.ValidateAsync(token, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!check.IsValid)
        {
            // RFC 6750 §3: the challenge names the error; the description is Dome's own sentence, never the token.
            http.Response.Headers.WWWAuthenticate = token is null ? "Bearer" : "Bearer error=\"invalid_token\"";
            var message = token is null ? "send a Dome access token as `Authorization: Bearer <token>` (get one at /oauth2/token)" : check.Failure;
            return Problems.From(new DomeException(DomeErrorCode.Unauthenticated, message));
        }

        return TypedResults.Ok(WhoAmIView.Of(check.Token));
    }
}
