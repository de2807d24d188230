using Dome.Core.Errors;

namespace Dome.Functions.Endpoints;

/// <summary>RFC 9457 problem details for every failure, with a stable <c>code</c> member.</summary>
internal static class Problems
{
    public static int StatusOf(DomeErrorCode code) => code switch
    {
        DomeErrorCode.InvalidRequest => StatusCodes.Status400BadRequest,
        DomeErrorCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        DomeErrorCode.Forbidden => StatusCodes.Status403Forbidden,
        DomeErrorCode.NotFound => StatusCodes.Status404NotFound,
        DomeErrorCode.Conflict or DomeErrorCode.IllegalTransition => StatusCodes.Status409Conflict,
        DomeErrorCode.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        DomeErrorCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string CodeOf(DomeErrorCode code) => code switch
    {
        DomeErrorCode.InvalidRequest => "invalid_request",
        DomeErrorCode.Unauthenticated => "unauthenticated",
        DomeErrorCode.Forbidden => "forbidden",
        DomeErrorCode.NotFound => "not_found",
        DomeErrorCode.Conflict => "conflict",
        DomeErrorCode.IllegalTransition => "illegal_transition",
        DomeErrorCode.PayloadTooLarge => "payload_too_large",
        DomeErrorCode.Unavailable => "unavailable",
        _ => "internal_error",
    };

    public static IResult From(DomeException exception)
    {
        var extensions = new Dictionary<string, object?>(exception.Extensions) { ["code"] = CodeOf(exception.Code) };
        return TypedResults.Problem(
            detail: exception.Message,
            statusCode: StatusOf(exception.Code),
            title: Title(exception.Code),
            type: "https://dome.dev/problems/" + CodeOf(exception.Code).Replace('_', '-'),
            extensions: extensions);
    }

    private static string Title(DomeErrorCode code) => code switch
    {
        DomeErrorCode.InvalidRequest => "The request is invalid.",
        DomeErrorCode.Unauthenticated => "Authentication is required.",
        DomeErrorCode.Forbidden => "The caller may not do this.",
        DomeErrorCode.NotFound => "Not found.",
        DomeErrorCode.Conflict => "The request conflicts with the current state.",
        DomeErrorCode.IllegalTransition => "The lifecycle does not allow this transition.",
        DomeErrorCode.PayloadTooLarge => "The request body is too large.",
        DomeErrorCode.Unavailable => "A dependency is unavailable.",
        _ => "An unexpected error occurred.",
    };
}
