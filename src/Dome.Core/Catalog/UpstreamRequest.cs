using System.Buffers;
using System.Runtime.CompilerServices;
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
    private static readonly ConditionalWeakTable<Tool, ToolUrl> FixedUrls = new();

    [ThreadStatic]
    private static RestWriter? restWriter;

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

        // Built only when needed: a tool without path, query or header arguments uses its fixed URL and no list.
        StringBuilder? path = null;
        StringBuilder? query = null;
        List<KeyValuePair<string, string>>? headers = null;
        var parameters = tool.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
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
                    path ??= new StringBuilder(tool.Path);
                    path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(Scalar(parameter.Name, value)));
                    break;
                case ParameterLocation.Query:
                    AppendQuery(ref query, parameter.Name, value);
                    break;
                case ParameterLocation.Header:
                    var text = Scalar(parameter.Name, value);
                    if (HasControl(text))
                    {
                        throw DomeException.Invalid($"the argument `{parameter.Name}` is sent as a header and must not contain control characters");
                    }

                    (headers ??= []).Add(new(parameter.Name, text));
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
            body = Rest(arguments, parameters);
        }
        else
        {
            foreach (var argument in arguments.EnumerateObject())
            {
                if (argument.Value.ValueKind != JsonValueKind.Null && !IsBound(parameters, argument))
                {
                    AppendQuery(ref query, argument.Name, argument.Value);
                }
            }
        }

        return new UpstreamRequest
        {
            Method = tool.Method,
            Url = path is null && query is null
                ? FixedUrl(connection, tool)
                : new Uri(connection.BaseUrl.AbsoluteUri.TrimEnd('/') + (path?.ToString() ?? tool.Path) + query),
            Headers = headers ?? (IReadOnlyList<KeyValuePair<string, string>>)[],
            Body = body,
        };
    }

    public static bool HasBody(string method) => method is "POST" or "PUT" or "PATCH";

    /// <summary>The URL of a call that binds nothing to the path or the query: the same for every call, so made once per tool.</summary>
    private static Uri FixedUrl(Connection connection, Tool tool)
    {
        if (FixedUrls.TryGetValue(tool, out var known) && ReferenceEquals(known.Connection, connection))
        {
            return known.Url;
        }

        var url = new Uri(connection.BaseUrl.AbsoluteUri.TrimEnd('/') + tool.Path);
        FixedUrls.AddOrUpdate(tool, new ToolUrl(connection, url));
        return url;
    }

    private static bool IsBound(IReadOnlyList<ToolParameter> parameters, JsonProperty argument)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (argument.NameEquals(parameters[i].Name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The arguments no parameter binds, as a JSON object, written through a per-thread writer.</summary>
    private static byte[] Rest(JsonElement arguments, IReadOnlyList<ToolParameter> parameters)
    {
        var rest = restWriter ??= new RestWriter();
        try
        {
            var writer = rest.Writer;
            writer.WriteStartObject();
            foreach (var argument in arguments.EnumerateObject())
            {
                if (!IsBound(parameters, argument))
                {
                    argument.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
            writer.Flush();
            return rest.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            rest.Reset();
            if (rest.Buffer.Capacity > 64 * 1024)
            {
                restWriter = null;
            }
        }
    }

    private static void AppendQuery(ref StringBuilder? query, string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                AppendQuery(ref query, name, item);
            }

            return;
        }

        var text = value.ValueKind == JsonValueKind.Object ? value.GetRawText() : Scalar(name, value);
        query ??= new StringBuilder();
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

    private sealed record ToolUrl(Connection Connection, Uri Url);

    /// <summary>A reusable buffer and JSON writer (default options, as a fresh writer would have).</summary>
    private sealed class RestWriter
    {
        public RestWriter() => Writer = new Utf8JsonWriter(Buffer);

        public ArrayBufferWriter<byte> Buffer { get; } = new(256);

        public Utf8JsonWriter Writer { get; }

        public void Reset()
        {
            Writer.Reset();
            Buffer.ResetWrittenCount();
        }
    }
}
