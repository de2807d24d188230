using System.Text.Json;
using Dome.Cedar.Entities;

namespace Dome.Cedar.Conformance;

/// <summary>
/// One file of Cedar's integration-test format: paths (relative to a root folder) of the policies, entities and schema,
/// whether the policies validate, and the requests with their expected answers.
/// </summary>
internal sealed record IntegrationTest
{
    public required string PoliciesPath { get; init; }

    public required string EntitiesPath { get; init; }

    public string? SchemaPath { get; init; }

    /// <summary>True when the schema is in the JSON format (its path ends in `.json`), else the human-readable format.</summary>
    public bool SchemaIsJson => SchemaPath is not null && SchemaPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public bool ShouldValidate { get; init; }

    public required IReadOnlyList<IntegrationRequest> Requests { get; init; }

    public static IntegrationTest Load(string file)
    {
        string text = File.ReadAllText(file);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var requests = new List<IntegrationRequest>();
            foreach (var r in root.GetProperty("requests").EnumerateArray())
            {
                requests.Add(ReadRequest(r));
            }

            return new IntegrationTest
            {
                PoliciesPath = root.GetProperty("policies").GetString()!,
                EntitiesPath = root.GetProperty("entities").GetString()!,
                SchemaPath = root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null,
                ShouldValidate = root.TryGetProperty("shouldValidate", out var v) && v.ValueKind == JsonValueKind.True,
                Requests = requests,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CedarParseException($"`{file}` is not a valid integration test: {e.Message}");
        }
    }

    /// <summary>Reads a request object: `principal`, `action`, `resource` (entity uids), `context`, and optional expectations.</summary>
    public static IntegrationRequest ReadRequest(JsonElement r)
    {
        return new IntegrationRequest
        {
            Description = r.TryGetProperty("description", out var d) ? d.GetString() ?? string.Empty : string.Empty,
            Principal = JsonValueReader.ReadUid(r.GetProperty("principal"), "in `principal`"),
            Action = JsonValueReader.ReadUid(r.GetProperty("action"), "in `action`"),
            Resource = JsonValueReader.ReadUid(r.GetProperty("resource"), "in `resource`"),
            ContextJson = r.TryGetProperty("context", out var c) ? c.GetRawText() : "{}",
            Decision = r.TryGetProperty("decision", out var dec) && string.Equals(dec.GetString(), "allow", StringComparison.OrdinalIgnoreCase)
                ? Decision.Allow
                : Decision.Deny,
            Reasons = Strings(r, "reason"),
            Errors = Strings(r, "errors"),
            ValidateRequest = !r.TryGetProperty("validateRequest", out var vr) || vr.ValueKind != JsonValueKind.False,
        };
    }

    private static string[] Strings(JsonElement r, string name) =>
        r.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToArray()
            : [];
}
