using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Azure;

namespace Dome.Storage.Azure.Queues;

/// <summary>Reads the Queue service's error code (<c>x-ms-error-code</c>, else the XML body's <c>Code</c>) and turns failures into <see cref="RequestFailedException"/>.</summary>
internal static class QueueErrors
{
    public static string? Code(Response response)
    {
        if (response.Headers.TryGetValue("x-ms-error-code", out var header) && !string.IsNullOrEmpty(header))
        {
            return header;
        }

        return Parse(Body(response)).Code;
    }

    /// <summary>An exception for a status the caller did not expect; it carries the service's code and message, never a message's text.</summary>
    public static RequestFailedException Failure(Response response, string operation, string queue)
    {
        var (code, message) = Parse(Body(response));
        code ??= response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"queue storage refused {operation} on queue `{queue}`: {response.Status} `{code ?? "unknown"}`{(message is null ? string.Empty : ": " + message.Split('\n')[0].Trim())}");
        return new RequestFailedException(response.Status, text, code, null);
    }

    private static string? Body(Response response)
    {
        try
        {
            return response.Content?.ToString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static (string? Code, string? Message) Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '<')
        {
            return (null, null);
        }

        try
        {
            var root = XDocument.Parse(body).Root;
            return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
        }
        catch (XmlException)
        {
            return (null, null);
        }
    }
}
