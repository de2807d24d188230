using System.Text.Json.Nodes;
using Dome.Core.Catalog.Schema;
using Dome.Core.Errors;
using Microsoft.OpenApi;

namespace Dome.Core.Catalog.OpenApi;

/// <summary>One OpenAPI operation as a <see cref="Tool"/>: binding and input schema.</summary>
internal static class OperationTool
{
    public static Tool Build(string tenantId, string connection, string toolName, string method, string path, IOpenApiPathItem item, OpenApiOperation operation, DateTimeOffset now)
    {
        CatalogValidator.PathTemplates(path);
        var properties = new JsonObject();
        var required = new JsonArray();
        var parameters = new List<ToolParameter>();
        foreach (var parameter in Merge(item.Parameters, operation.Parameters))
        {
            if (parameter.In is null || parameter.Name is null)
            {
                continue;
            }

            if (parameter.In == Microsoft.OpenApi.ParameterLocation.Cookie
                || (parameter.In == Microsoft.OpenApi.ParameterLocation.Header && string.Equals(parameter.Name, "Authorization", StringComparison.OrdinalIgnoreCase)))
            {
                if (parameter.Required && parameter.In == Microsoft.OpenApi.ParameterLocation.Cookie)
                {
                    throw DomeException.Invalid($"the required cookie parameter `{parameter.Name}` cannot be sent by Dome");
                }

                continue;
            }

            var location = parameter.In switch
            {
                Microsoft.OpenApi.ParameterLocation.Path => ParameterLocation.Path,
                Microsoft.OpenApi.ParameterLocation.Query => ParameterLocation.Query,
                _ => ParameterLocation.Header,
            };
            if (location == ParameterLocation.Header)
            {
                CatalogValidator.HeaderName(parameter.Name);
            }

            var schema = SchemaConverter.Convert(parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema);
            if (!string.IsNullOrEmpty(parameter.Description) && !schema.ContainsKey("description"))
            {
                schema["description"] = parameter.Description;
            }

            properties[parameter.Name] = schema;
            if (parameter.Required || location == ParameterLocation.Path)
            {
                required.Add(parameter.Name);
            }

            parameters.Add(new ToolParameter { Name = parameter.Name, In = location });
        }

        var bodyProperty = Body(method, operation.RequestBody, properties, required);
        var input = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            input["required"] = required;
        }

        var text = input.ToJsonString();
        if (!JsonSchema.TryParse(text, out _, out var problem))
        {
            throw DomeException.Invalid("its input schema cannot be enforced: " + problem);
        }

        return new Tool
        {
            TenantId = tenantId,
            Connection = connection,
            Name = toolName,
            Method = CatalogValidator.Method(method),
            Path = path,
            Description = Describe(operation),
            InputSchema = text,
            Parameters = parameters,
            BodyProperty = bodyProperty,
            OutputRules = null,
            AuditArguments = false,
            Tags = operation.Tags?.Select(t => t.Name).OfType<string>().Select(Tag).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray() ?? [],
            Risk = null,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Adds the request body to the schema; returns the body argument's name, or null when merged into the top level.</summary>
    private static string? Body(string method, IOpenApiRequestBody? body, JsonObject properties, JsonArray required)
    {
        if (body is null || body.Content is not { Count: > 0 } content)
        {
            return null;
        }

        var json = content.FirstOrDefault(c => IsJson(c.Key));
        if (json.Value is null)
        {
            if (body.Required)
            {
                throw DomeException.Invalid($"its request body is not JSON (`{content.Keys.First()}`); only JSON bodies can be sent");
            }

            return null;
        }

        var schema = SchemaConverter.Convert(json.Value.Schema);
        var bodyProperties = schema["properties"] as JsonObject;
        var isObject = schema["type"] is JsonValue type && type.GetValue<string>() == "object" && bodyProperties is not null
            && schema["allOf"] is null && schema["anyOf"] is null && schema["oneOf"] is null;
        if (isObject && UpstreamRequest.HasBody(method) && !bodyProperties!.Any(p => properties.ContainsKey(p.Key)))
        {
            foreach (var (name, property) in bodyProperties!.ToArray())
            {
                properties[name] = property?.DeepClone();
            }

            if (body.Required && schema["required"] is JsonArray bodyRequired)
            {
                foreach (var name in bodyRequired)
                {
                    required.Add(name?.DeepClone());
                }
            }

            return null;
        }

        var argument = properties.ContainsKey("body") ? "request_body" : "body";
        properties[argument] = schema;
        if (body.Required)
        {
            required.Add(argument);
        }

        return argument;
    }

    private static bool IsJson(string mediaType) =>
        mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("+json", StringComparison.OrdinalIgnoreCase)
        || mediaType == "*/*";

    private static IEnumerable<IOpenApiParameter> Merge(IList<IOpenApiParameter>? shared, IList<IOpenApiParameter>? own)
    {
        var result = new List<IOpenApiParameter>(own ?? []);
        foreach (var parameter in shared ?? [])
        {
            if (!result.Any(p => p.Name == parameter.Name && p.In == parameter.In))
            {
                result.Add(parameter);
            }
        }

        return result;
    }

    private static string Describe(OpenApiOperation operation)
    {
        var text = string.Join("\n\n", new[] { operation.Summary, operation.Description }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return text.Length <= CatalogValidator.MaxDescriptionLength ? text : text[..CatalogValidator.MaxDescriptionLength];
    }

    private static string Tag(string tag) => OperationNames.ToolName(tag, string.Empty, string.Empty) is var name && name != "operation" ? name : string.Empty;
}
