using System.Globalization;
using System.Text.Json;
using Azure;

namespace Dome.Storage.Azure.Tables;

/// <summary>Reads the service's error code (<c>odata.error.code</c> or <c>x-ms-error-code</c>) and turns failures into <see cref="RequestFailedException"/>.</summary>
internal static class TableErrors
{
    public static string? Code(Response response)
    {
        if (response.Headers.TryGetValue("x-ms-error-code", out var header) && !string.IsNullOrEmpty(header))
        {
            return header;
        }

        return CodeFromBody(response.Content?.ToString());
    }

    public static string? CodeFromBody(string? body)
    {
        var (code, _) = Parse(body);
        return code;
    }

    public static string? MessageFromBody(string? body) => Parse(body).Message;

    /// <summary>An exception for a status the caller did not expect; it carries the service's code and message, never a request body.</summary>
    public static RequestFailedException Failure(Response response, string operation, string table)
    {
        string? body = null;
        try
        {
            body = response.Content?.ToString();
        }
        catch (InvalidOperationException)
        {
            // The content was streamed away; the status and code still tell what happened.
        }

        var (code, message) = Parse(body);
        code ??= response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"table storage refused {operation} on table `{table}`: {response.Status} `{code ?? "unknown"}`{(message is null ? string.Empty : ": " + FirstLine(message))}");
        return new RequestFailedException(response.Status, text, code, null);
    }

    private static (string? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("odata.error", out var error))
            {
                return (null, null);
            }

            var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            string? message = null;
            if (error.TryGetProperty("message", out var m))
            {
                message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            }

            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('\r');
    }
}
