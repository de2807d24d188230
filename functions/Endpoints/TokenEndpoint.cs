using Dome.Tokens.Exchange;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Dome.Functions.Endpoints;

/// <summary>
/// <c>POST /oauth2/token</c>: RFC 8693 token exchange. Reads the form-encoded parameters (each at most once,
/// the body at most 64 KiB) and answers the RFC 8693 §2.2.1 response, or RFC 6749 §5.2 error JSON (never
/// problem details), with <c>Cache-Control: no-store</c> either way.
/// </summary>
internal static class TokenEndpoint
{
    private const int MaxBodyBytes = 64 * 1024;

    public static WebApplication MapTokenEndpoint(this WebApplication app)
    {
        app.MapPost("/oauth2/token", ExchangeAsync).WithTags("OAuth").WithName("TokenExchange")
            .WithSummary("Exchange an agent's API key (alone, with a user's ID token, or with a caller's Dome token) for a short-lived Dome JWT.")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ExchangeAsync(HttpContext http, TokenExchange exchange, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        try
        {
            var form = await ReadFormAsync(http.Request, cancellationToken).ConfigureAwait(false);
            var request = new TokenRequest
            {
                GrantType = Single(form, "grant_type"),
                SubjectToken = Single(form, "subject_token"),
                SubjectTokenType = Single(form, "subject_token_type"),
                ActorToken = Single(form, "actor_token"),
                ActorTokenType = Single(form, "actor_token_type"),
                Resource = Resource(form),
                Audience = Single(form, "audience"),
            };
            return TypedResults.Ok(await exchange.ExchangeAsync(request, cancellationToken).ConfigureAwait(false));
        }
        catch (TokenExchangeException refusal)
        {
            return TypedResults.Json(
                new Dictionary<string, string> { ["error"] = refusal.Error, ["error_description"] = refusal.Description },
                statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<Dictionary<string, StringValues>> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            throw TokenExchangeException.Request("not_form_encoded", "send the parameters form-encoded: `Content-Type: application/x-www-form-urlencoded`");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            throw TokenExchangeException.Request("body_too_large", $"the request body is larger than {MaxBodyBytes} bytes");
        }

        using var reader = new FormReader(request.Body)
        {
            ValueCountLimit = 32,
            KeyLengthLimit = 64,
            ValueLengthLimit = MaxBodyBytes,
        };
        try
        {
            return await reader.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            throw TokenExchangeException.Request("malformed_form", "the form body could not be read: too many or too long parameters");
        }
    }

    /// <summary>RFC 6749 §3.2: a parameter sent more than once is an invalid request.</summary>
    private static string? Single(Dictionary<string, StringValues> form, string name)
    {
        if (!form.TryGetValue(name, out var values))
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw TokenExchangeException.Request("repeated_parameter", $"`{name}` was sent {values.Count} times; send it once");
    }

    /// <summary>RFC 8707 lets <c>resource</c> repeat; Dome issues a token for one resource at a time.</summary>
    private static string? Resource(Dictionary<string, StringValues> form) =>
        form.TryGetValue("resource", out var values) && values.Count > 1
            ? throw new TokenExchangeException(OAuthErrors.InvalidTarget, "invalid_resource", "Dome issues a token for one `resource` at a time")
            : Single(form, "resource");
}
