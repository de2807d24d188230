using System.Text;
using System.Text.Json;

namespace Dome.Cedar.Bench;

/// <summary>
/// Writes a scenario as one JSON file for tools/cedar-oracle/bench.mjs:
/// `{ "policies": text, "entities": [...], "requests": [ { principal, action, resource, context } ] }`.
/// </summary>
internal static class ScenarioExport
{
    public static void Write(BenchScenario scenario, string path)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("policies", scenario.Policies);
        writer.WritePropertyName("entities");
        writer.WriteRawValue(scenario.EntitiesJson);
        writer.WriteStartArray("requests");
        foreach (var request in scenario.Requests)
        {
            writer.WriteStartObject();
            Uid(writer, "principal", request.PrincipalType, request.PrincipalId);
            Uid(writer, "action", "Action", request.ActionId);
            Uid(writer, "resource", request.ResourceType, request.ResourceId);
            writer.WritePropertyName("context");
            writer.WriteRawValue(request.ContextJson);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteText(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(false));

    private static void Uid(Utf8JsonWriter writer, string name, string type, string id)
    {
        writer.WriteStartObject(name);
        writer.WriteString("type", type);
        writer.WriteString("id", id);
        writer.WriteEndObject();
    }
}
