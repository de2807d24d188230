using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dome.Cli.Output;

/// <summary>Prints agents as the API returns them: JSON as is (indented), or tables for people.</summary>
internal static class AgentPrinter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Json(TextWriter writer, JsonNode node) => writer.WriteLine(node.ToJsonString(Indented));

    public static void List(TextWriter writer, JsonArray agents)
    {
        if (agents.Count == 0)
        {
            writer.WriteLine("no agents");
            return;
        }

        TablePrinter.Print(
            writer,
            ["NAME", "WORKSPACE", "STATUS", "TIER", "OWNER", "TOOLS"],
            agents.OfType<JsonObject>().Select(a => (IReadOnlyList<string>)
                [Text(a, "name"), Text(a, "workspace"), Text(a, "status"), Text(a, "tier"), Text(a, "owner"), Join(a["tools"])]).ToArray());
    }

    public static void Show(TextWriter writer, JsonObject agent)
    {
        TablePrinter.Print(writer, ["FIELD", "VALUE"],
        [
            ["name", Text(agent, "name")],
            ["id", Text(agent, "id")],
            ["workspace", Text(agent, "workspace")],
            ["owner", Text(agent, "owner")],
            ["status", Text(agent, "status")],
            ["tier", Text(agent, "tier")],
            ["tools", Join(agent["tools"])],
            ["model pools", Join(agent["modelPools"])],
            ["integrations", Join(agent["integrations"])],
            ["require act-as", Text(agent, "requireActAs")],
            ["allowed parents", Join(agent["allowedParents"])],
            ["key id", Text(agent, "keyId")],
            ["created", Text(agent, "createdAt")],
        ]);
        if (agent["history"] is JsonArray history)
        {
            writer.WriteLine();
            TablePrinter.Print(writer, ["#", "EVENT", "FROM", "TO", "BY", "AT"],
                history.OfType<JsonObject>().Select(e => (IReadOnlyList<string>)
                    [Text(e, "sequence"), Text(e, "event"), Text(e, "from"), Text(e, "to"), Text(e, "actor"), Text(e, "at")]).ToArray());
        }
    }

    public static string Text(JsonObject node, string name) => node[name] switch
    {
        null => "-",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    private static string Join(JsonNode? list) =>
        list is JsonArray { Count: > 0 } array ? string.Join(",", array.Select(x => x?.GetValue<string>())) : "-";
}
