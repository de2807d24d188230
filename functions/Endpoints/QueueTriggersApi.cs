using System.Net;
using System.Text.Json;
using Dome.Functions.Contracts;
using Dome.Functions.Hosting;

namespace Dome.Functions.Endpoints;

/// <summary>
/// The queue-triggered functions, as a custom handler serves them: the Functions host (or, embedded, the
/// dispatcher) POSTs <c>{Data, Metadata}</c> to <c>/{FunctionName}</c>; a 200 completes the message and any
/// other answer makes the host retry it and, after the last try, move it to the poison queue.
/// Only local callers may invoke them: the host runs beside the handler.
/// </summary>
internal static partial class QueueTriggersApi
{
    // The host's envelope members are PascalCase (Data, Metadata; Outputs, Logs, ReturnValue): no naming policy.
    private static readonly JsonSerializerOptions EnvelopeJson = new() { PropertyNameCaseInsensitive = true };

    public static WebApplication MapQueueTriggers(this WebApplication app)
    {
        foreach (var function in QueueFunction.All)
        {
            app.MapPost("/" + function.Name, (HttpContext http, QueueFunctionHandlers handlers, ILoggerFactory logs, CancellationToken ct) =>
                    InvokeAsync(http, function, logs, body => handlers.RunAsync(function, body, ct), ct))
                .ExcludeFromDescription();
        }

        return app;
    }

    private static async Task<IResult> InvokeAsync(HttpContext http, QueueFunction function, ILoggerFactory logs, Func<string, Task> work, CancellationToken cancellationToken)
    {
        if (http.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var logger = logs.CreateLogger("Dome.Functions." + function.Name);
        FunctionInvocation? invocation;
        try
        {
            invocation = await JsonSerializer.DeserializeAsync<FunctionInvocation>(http.Request.Body, EnvelopeJson, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            invocation = null;
        }

        if (invocation?.Data is null || !invocation.Data.TryGetValue(function.Binding, out var data))
        {
            LogBadEnvelope(logger, function.Name);
            return Results.Json(FunctionResult.Empty("invocation envelope has no Data." + function.Binding), EnvelopeJson, statusCode: StatusCodes.Status400BadRequest);
        }

        var dequeueCount = invocation.Metadata is { } metadata && metadata.TryGetValue("DequeueCount", out var count) && count.ValueKind == JsonValueKind.Number
            ? count.GetInt32()
            : 1;
        var body = data.ValueKind == JsonValueKind.String ? data.GetString() ?? string.Empty : data.GetRawText();
        try
        {
            await work(body).ConfigureAwait(false);
            return Results.Json(FunctionResult.Empty(), EnvelopeJson);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            QueueFunctionHandlers.LogFailed(logger, function.Name, dequeueCount, e.GetType().Name);
            return Results.Json(FunctionResult.Empty($"{function.Name} failed: {e.GetType().Name}"), EnvelopeJson, statusCode: StatusCodes.Status500InternalServerError);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Function {Function} got an invocation without its trigger data")]
    private static partial void LogBadEnvelope(ILogger logger, string function);
}
