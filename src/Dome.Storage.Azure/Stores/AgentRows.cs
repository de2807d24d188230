using System.Globalization;
using System.Text.Json;
using Dome.Core.Registry;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>The entities of the Agents table: <c>agent|id</c>, <c>name|workspace|name</c> and <c>event|id|sequence</c>, in the tenant's partition.</summary>
internal static class AgentRows
{
    public static string Partition(string tenantId) => TableKey.Encode(tenantId);

    public static string AgentKey(string agentId) => TableKey.Join("agent", agentId);

    public static string NameKey(string workspace, string name) => TableKey.Join("name", workspace, name);

    /// <summary>Zero-padded so events sort by sequence.</summary>
    public static string EventKey(string agentId, long sequence) =>
        TableKey.Join("event", agentId) + "|" + sequence.ToString("D19", CultureInfo.InvariantCulture);

    public static string EventPrefix(string agentId) => TableKey.Join("event", agentId) + "|";

    public static TableEntity Agent(Agent agent, string keyHash) => new(Partition(agent.TenantId), AgentKey(agent.Id))
    {
        ["Id"] = agent.Id,
        ["TenantId"] = agent.TenantId,
        ["Workspace"] = agent.Workspace,
        ["Name"] = agent.Name,
        ["Owner"] = agent.Owner,
        ["Tier"] = WireNames.Of(agent.Tier),
        ["Status"] = WireNames.Of(agent.Status),
        ["Tools"] = Json(agent.Capabilities.Tools),
        ["ModelPools"] = Json(agent.Capabilities.ModelPools),
        ["Integrations"] = Json(agent.Capabilities.Integrations),
        ["RequireActAs"] = WireNames.Of(agent.RequireActAs),
        ["AllowedParents"] = Json(agent.AllowedParents),
        ["KeyId"] = agent.KeyId,
        ["KeyHash"] = keyHash,
        ["CreatedAt"] = agent.CreatedAt,
        ["UpdatedAt"] = agent.UpdatedAt,
        ["Version"] = agent.Version,
    };

    public static TableEntity NameClaim(Agent agent) => new(Partition(agent.TenantId), NameKey(agent.Workspace, agent.Name))
    {
        ["AgentId"] = agent.Id,
    };

    public static TableEntity Event(string tenantId, AgentEvent change) => new(Partition(tenantId), EventKey(change.AgentId, change.Sequence))
    {
        ["AgentId"] = change.AgentId,
        ["Sequence"] = change.Sequence,
        ["Kind"] = change.Kind.ToString(),
        ["From"] = change.From is { } from ? WireNames.Of(from) : null,
        ["To"] = WireNames.Of(change.To),
        ["Actor"] = change.Actor,
        ["At"] = change.At,
        ["ProcessedAt"] = change.ProcessedAt,
    };

    public static Agent ReadAgent(TableEntity row)
    {
        WireNames.TryParseTier(row.GetString("Tier"), out var tier);
        WireNames.TryParseActAs(row.GetString("RequireActAs"), out var actAs);
        return new Agent
        {
            Id = Required(row, "Id"),
            TenantId = Required(row, "TenantId"),
            Workspace = Required(row, "Workspace"),
            Name = Required(row, "Name"),
            Owner = Required(row, "Owner"),
            Tier = tier,
            Status = Status(Required(row, "Status")),
            Capabilities = new Capabilities { Tools = List(row, "Tools"), ModelPools = List(row, "ModelPools"), Integrations = List(row, "Integrations") },
            RequireActAs = actAs,
            AllowedParents = List(row, "AllowedParents"),
            KeyId = Required(row, "KeyId"),
            CreatedAt = row.GetDateTime("CreatedAt")!.Value,
            UpdatedAt = row.GetDateTime("UpdatedAt")!.Value,
            Version = row.GetInt64("Version")!.Value,
        };
    }

    public static AgentEvent ReadEvent(TableEntity row) => new()
    {
        Sequence = row.GetInt64("Sequence")!.Value,
        AgentId = Required(row, "AgentId"),
        Kind = Enum.Parse<AgentEventKind>(Required(row, "Kind")),
        From = row.GetString("From") is { } from ? Status(from) : null,
        To = Status(Required(row, "To")),
        Actor = Required(row, "Actor"),
        At = row.GetDateTime("At")!.Value,
        ProcessedAt = row.GetDateTime("ProcessedAt"),
    };

    private static string Required(TableEntity row, string name) =>
        row.GetString(name) ?? throw new InvalidDataException($"stored agent row `{row.RowKey}` lacks `{name}`");

    private static AgentStatus Status(string text) =>
        WireNames.TryParseStatus(text, out var status) ? status : throw new InvalidDataException($"stored agent status `{text}` is unknown");

    private static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, AzureStorageJsonContext.Default.IReadOnlyListString);

    private static string[] List(TableEntity row, string name) =>
        row.GetString(name) is { } json ? JsonSerializer.Deserialize(json, AzureStorageJsonContext.Default.StringArray) ?? [] : [];
}
