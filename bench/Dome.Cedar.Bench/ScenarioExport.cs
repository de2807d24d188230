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
            WriteRequest(writer, request);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRequest(Utf8JsonWriter writer, BenchRequest request)
    {
        writer.WriteStartObject();
        Uid(writer, "principal", request.PrincipalType, request.PrincipalId);
        Uid(writer, "action", "Action", request.ActionId);
        Uid(writer, "resource", request.ResourceType, request.ResourceId);
        writer.WritePropertyName("context");
        writer.WriteRawValue(request.ContextJson);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The same scenario as the three files `dome cedar authorize` reads: `batch-policies.cedar`,
    /// `batch-entities.json` and `batch-requests.json` (a JSON array of requests).
    /// </summary>
    public static void WriteCliFiles(BenchScenario scenario, string directory)
    {
        File.WriteAllText(Path.Combine(directory, "batch-policies.cedar"), scenario.Policies, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(directory, "batch-entities.json"), scenario.EntitiesJson, new UTF8Encoding(false));
        using var stream = File.Create(Path.Combine(directory, "batch-requests.json"));
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartArray();
        foreach (var request in scenario.Requests)
        {
            WriteRequest(writer, request);
        }

        writer.WriteEndArray();
    }

    private static void Uid(Utf8JsonWriter writer, string name, string type, string id)
    {
        writer.WriteStartObject(name);
        writer.WriteString("type", type);
        writer.WriteString("id", id);
        writer.WriteEndObject();
    }
}
