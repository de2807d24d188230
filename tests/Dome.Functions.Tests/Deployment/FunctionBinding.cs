using System.Text.Json.Nodes;

namespace Dome.Functions.Tests.Deployment;

/// <summary>One function folder of the deployable app: its name and the bindings of its <c>function.json</c>.</summary>
internal sealed record FunctionBinding
{
    public required string Name { get; init; }

    public required JsonArray Bindings { get; init; }

    public JsonNode Trigger => Bindings.Single(b => Str(b, "type").EndsWith("Trigger", StringComparison.Ordinal))!;

    public string TriggerType => Str(Trigger, "type");

    public static FunctionBinding Read(string folder) => new()
    {
        Name = Path.GetFileName(folder),
        Bindings = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "function.json")))!["bindings"]!.AsArray(),
    };

    /// <summary>Every function folder directly under <paramref name="appRoot"/>.</summary>
    public static IReadOnlyList<FunctionBinding> All(string appRoot) =>
        [.. Directory.GetDirectories(appRoot).Where(d => File.Exists(Path.Combine(d, "function.json"))).Order(StringComparer.Ordinal).Select(Read)];

    public static string Str(JsonNode? node, string name) =>
        node?[name]?.GetValue<string>() ?? throw new InvalidOperationException($"`{name}` missing in {node?.ToJsonString()}");
}
