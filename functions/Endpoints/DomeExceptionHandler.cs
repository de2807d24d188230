using Dome.Core.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Dome.Functions.Endpoints;

/// <summary>
/// Turns failures into problem details in one place. Only a <see cref="DomeException"/>'s message crosses the
/// trust boundary; anything else is a 500 that says nothing about its cause.
/// </summary>
internal sealed partial class DomeExceptionHandler(ILogger<DomeExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult result;
        switch (exception)
        {
            case DomeException dome:
                result = Problems.From(dome);
                break;
            case BadHttpRequestException bad:
                result = Problems.From(new DomeException(
                    bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? DomeErrorCode.PayloadTooLarge : DomeErrorCode.InvalidRequest,
                    "the request could not be read: check its JSON body, query and route values"));
                break;
            default:
                LogUnhandled(logger, exception.GetType().Name, httpContext.Request.Path, exception);
                result = TypedResults.Problem(
                    statusCode: StatusCodes.Status500InternalServerError,
                    title: "An unexpected error occurred.",
                    extensions: new Dictionary<string, object?> { ["code"] = "internal_error", ["traceId"] = httpContext.TraceIdentifier });
                break;
        }

        await result.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Path}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, PathString path, Exception exception);
}
