using System.Text.Json;
using Dome.Cedar.Entities;
using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Schema;

/// <summary>
/// Schema-based reading of entities, context and requests: strings become extension values and
/// <c>{"type","id"}</c> objects become entity references where the schema says so; the schema's actions (with
/// their groups) are added as entities; and everything is checked to conform (attribute types, parents, tags,
/// enumerated ids, the action's principal/resource types and context). Problems throw <see cref="CedarParseException"/>.
/// </summary>
public static class SchemaEntities
{
    /// <summary>Reads entities JSON with the schema and checks that each entity conforms.</summary>
    public static EntityStore ParseEntities(string json, CedarSchema schema)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(schema);
        var shapes = new SchemaValueShapes(schema);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = JsonValueReader.MaxDepth + 16 });
        }
        catch (JsonException e)
        {
            throw new CedarParseException($"entities are not valid JSON: {e.Message}");
        }

        using (document)
        {
            var store = EntityStore.FromJson(document.RootElement, shapes);
            int index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var problems = SchemaConformance.CheckEntity(schema, EntityJsonReader.Read(item, index++, shapes));
                if (problems.Count > 0)
                {
                    throw new CedarParseException($"entity does not conform to the schema: {problems[0]}");
                }
            }

            return store;
        }
    }

    /// <summary>Reads a context JSON object for <paramref name="action"/> with the schema and checks it conforms.</summary>
    public static RecordValue ParseContext(string json, CedarSchema schema, EntityUid action)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(action);
        var shape = new SchemaValueShapes(schema).Context(action);
        var context = Request.ParseContext(json, shape);
        if (schema.Actions.TryGetValue(new SchemaEntityUid(action.Type, action.Id), out var def)
            && SchemaConformance.CheckValue(schema, context, def.Context, $"in the context for action `{action}`") is { } problem)
        {
            throw new CedarParseException($"context does not conform to the schema: {problem}");
        }

        return context;
    }

    /// <summary>Problems that make a request invalid for the schema (empty when valid).</summary>
    public static IReadOnlyList<string> ValidateRequest(Request request, CedarSchema schema)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(schema);
        return SchemaConformance.CheckRequest(schema, request.Principal, request.Action, request.Resource, request.Context);
    }
}
