using System.Buffers;
using System.Text.Json;
using Dome.Gateway.Pipeline;

namespace Dome.Functions.Endpoints;

/// <summary>
/// The 200 answer of an allowed call, written straight to the response: the same JSON, byte for byte, as the app's
/// serializer options make of <see cref="Contracts.CallAllowedView"/> (camelCase names, nulls left out, the default
/// encoder), without the per-call work of the generic path (options and type metadata lookups, the result logger,
/// the dictionary converter), and with a Content-Length instead of chunks.
/// </summary>
internal sealed class AllowedCallResult(CallOutcome outcome) : IResult
{
    private const int ReuseLimit = 64 * 1024;

    [ThreadStatic]
    private static Rendering? cached;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        Write(response);
        try
        {
            await response.BodyWriter.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer.
        }
    }

    /// <summary>Renders into a per-thread buffer, sets the length, then copies the answer to the body (not flushed yet).</summary>
    private void Write(HttpResponse response)
    {
        var rendering = cached ?? new Rendering();
        cached = null;
        try
        {
            Render(rendering.Writer, outcome);
            rendering.Writer.Flush();
            var json = rendering.Buffer.WrittenSpan;
            response.ContentLength = json.Length;
            response.BodyWriter.Write(json);
        }
        finally
        {
            rendering.Reset();
            if (rendering.Buffer.Capacity <= ReuseLimit)
            {
                cached = rendering;
            }
        }
    }

    internal static void Render(Utf8JsonWriter writer, CallOutcome outcome)
    {
        var result = outcome.Result!;
        writer.WriteStartObject();
        writer.WriteString("decision"u8, outcome.Decision);
        writer.WriteString("callId"u8, outcome.CallId);
        writer.WriteStartObject("result"u8);
        writer.WriteNumber("status"u8, result.Status);
        writer.WriteStartObject("headers"u8);
        foreach (var (name, value) in result.Headers)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
        if (result.Body is { } bodyElement)
        {
            writer.WritePropertyName("body"u8);
            bodyElement.WriteTo(writer);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>A reusable buffer and writer with the serializer's defaults (default encoder, compact).</summary>
    private sealed class Rendering
    {
        public Rendering() => Writer = new Utf8JsonWriter(Buffer, new JsonWriterOptions { SkipValidation = true });

        public ArrayBufferWriter<byte> Buffer { get; } = new(1024);

        public Utf8JsonWriter Writer { get; }

        public void Reset()
        {
            Writer.Reset();
            Buffer.ResetWrittenCount();
        }
    }
}
