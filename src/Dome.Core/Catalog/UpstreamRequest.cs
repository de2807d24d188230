using System.Text;
using System.Text.Json;
using Dome.Core.Errors;

namespace Dome.Core.Catalog;

/// <summary>
/// Where and what a tool call sends upstream, from the tool's binding and the call's (already validated)
/// arguments. No credential: the gateway injects that separately.
/// </summary>
public sealed record UpstreamRequest
{
    public required string Method { get; init; }

    public required Uri Url { get; init; }

    /// <summary>Headers bound from arguments (header parameters), in declaration order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The JSON body as UTF-8, or null when the call sends none.</summary>
    public required byte[]? Body { get; init; }

    /// <summary>Applies the binding rules of <see cref="Tool"/>; throws an invalid-request <see cref="DomeException"/> when an argument cannot be placed.</summary>
    public static UpstreamRequest Build(Connection connection, Tool tool, JsonElement arguments)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tool);
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            throw DomeException.Invalid("the tool arguments must be a JSON object");
        }

        var bound = new HashSet<string>(StringComparer.Ordinal);
        var path = new StringBuilder(tool.Path);
        var query = new StringBuilder();
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var parameter in tool.Parameters)
        {
            bound.Add(parameter.Name);
            if (!arguments.TryGetProperty(parameter.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (parameter.In == ParameterLocation.Path)
                {
                    throw DomeException.Invalid($"the argument `{parameter.Name}` is required: it is part of the path of `{tool.FullName}`");
                }

                continue;
            }

            switch (parameter.In)
            {
                case ParameterLocation.Path:
                    path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(Scalar(parameter.Name, value)));
                    break;
                case ParameterLocation.Query:
                    AppendQuery(query, parameter.Name, value);
                    break;
                case ParameterLocation.Header:
                    var text = Scalar(parameter.Name, value);
                    if (text.Any(char.IsControl))
                    {
                        throw DomeException.Invalid($"the argument `{parameter.Name}` is sent as a header and must not contain control characters");
                    }

                    headers.Add(new(parameter.Name, text));
                    break;
            }
        }

        byte[]? body = null;
        if (tool.BodyProperty is { } bodyProperty)
        {
            if (arguments.TryGetProperty(bodyProperty, out var value))
            {
                body = JsonSerializer.SerializeToUtf8Bytes(value);
            }
        }
        else if (HasBody(tool.Method))
        {
            body = Rest(arguments, bound);
        }
        else
        {
            foreach (var argument in arguments.EnumerateObject().Where(a => !bound.Contains(a.Name) && a.Value.ValueKind != JsonValueKind.Null))
            {
                AppendQuery(query, argument.Name, argument.Value);
            }
        }

        var baseText = connection.BaseUrl.AbsoluteUri.TrimEnd('/');
        return new UpstreamRequest
        {
            Method = tool.Method,
            Url = new Uri(baseText + path + query),
            Headers = headers,
            Body = body,
        };
    }

    public static bool HasBody(string method) => method is "POST" or "PUT" or "PATCH";

    private static byte[] Rest(JsonElement arguments, HashSet<string> bound)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var argument in arguments.EnumerateObject().Where(a => !bound.Contains(a.Name)))
            {
                argument.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void AppendQuery(StringBuilder query, string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                AppendQuery(query, name, item);
            }

            return;
        }

        var text = value.ValueKind == JsonValueKind.Object ? value.GetRawText() : Scalar(name, value);
        query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(text));
    }

    private static string Scalar(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw DomeException.Invalid($"the argument `{name}` must be a string, a number or a boolean"),
    };
}
