using System.Text.Json;
using Dome.Core.Catalog;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>The entities of the Catalog table: <c>conn|name</c> and <c>tool|connection|name</c> in the tenant's partition.</summary>
internal static class CatalogRows
{
    public static string Partition(string tenantId) => TableKey.Encode(tenantId);

    public static string ConnectionKey(string name) => TableKey.Join("conn", name);

    public static string ToolKey(string connection, string name) => TableKey.Join("tool", connection, name);

    public static string ToolPrefix(string? connection) => connection is null ? "tool|" : TableKey.Join("tool", connection) + "|";

    public static TableEntity Connection(Connection connection) => new TableEntity(Partition(connection.TenantId), ConnectionKey(connection.Name))
    {
        ["TenantId"] = connection.TenantId,
        ["Name"] = connection.Name,
        ["BaseUrl"] = connection.BaseUrl.AbsoluteUri,
        ["AuthKind"] = CatalogWireNames.Of(connection.Auth.Kind),
        ["AuthSecret"] = connection.Auth.SecretName,
        ["AuthHeader"] = connection.Auth.HeaderName,
        ["TokenUrl"] = connection.Auth.TokenUrl?.AbsoluteUri,
        ["Scope"] = connection.Auth.Scope,
        ["CreatedAt"] = connection.CreatedAt,
        ["UpdatedAt"] = connection.UpdatedAt,
    }.WithLargeValue("OutputRules", connection.OutputRules);

    public static TableEntity Tool(Tool tool) => new TableEntity(Partition(tool.TenantId), ToolKey(tool.Connection, tool.Name))
    {
        ["TenantId"] = tool.TenantId,
        ["Connection"] = tool.Connection,
        ["Name"] = tool.Name,
        ["Method"] = tool.Method,
        ["Path"] = tool.Path,
        ["Parameters"] = JsonSerializer.Serialize(
            tool.Parameters.Select(p => new StoredToolParameter(p.Name, CatalogWireNames.Of(p.In))).ToArray(),
            AzureStorageJsonContext.Default.StoredToolParameterArray),
        ["BodyProperty"] = tool.BodyProperty,
        ["AuditArguments"] = tool.AuditArguments,
        ["Tags"] = JsonSerializer.Serialize(tool.Tags.ToArray(), AzureStorageJsonContext.Default.StringArray),
        ["Risk"] = tool.Risk,
        ["CreatedAt"] = tool.CreatedAt,
        ["UpdatedAt"] = tool.UpdatedAt,
    }.WithLargeValue("Description", tool.Description)
     .WithLargeValue("InputSchema", tool.InputSchema)
     .WithLargeValue("OutputRules", tool.OutputRules);

    public static Connection ReadConnection(TableEntity row)
    {
        var kindText = row.GetString("AuthKind");
        if (!CatalogWireNames.TryParseAuth(kindText, out var kind))
        {
            throw new InvalidDataException($"unknown stored auth kind `{kindText}`");
        }

        return new Connection
        {
            TenantId = Required(row, "TenantId"),
            Name = Required(row, "Name"),
            BaseUrl = new Uri(Required(row, "BaseUrl")),
            Auth = new ConnectionAuth
            {
                Kind = kind,
                SecretName = row.GetString("AuthSecret"),
                HeaderName = row.GetString("AuthHeader"),
                TokenUrl = row.GetString("TokenUrl") is { } token ? new Uri(token) : null,
                Scope = row.GetString("Scope"),
            },
            OutputRules = TableLargeValue.Read(row, "OutputRules"),
            CreatedAt = row.GetDateTime("CreatedAt")!.Value,
            UpdatedAt = row.GetDateTime("UpdatedAt")!.Value,
        };
    }

    public static Tool ReadTool(TableEntity row)
    {
        var stored = JsonSerializer.Deserialize(Required(row, "Parameters"), AzureStorageJsonContext.Default.StoredToolParameterArray) ?? [];
        return new Tool
        {
            TenantId = Required(row, "TenantId"),
            Connection = Required(row, "Connection"),
            Name = Required(row, "Name"),
            Method = Required(row, "Method"),
            Path = Required(row, "Path"),
            Description = TableLargeValue.Read(row, "Description") ?? string.Empty,
            InputSchema = TableLargeValue.Read(row, "InputSchema") ?? throw new InvalidDataException($"stored tool `{row.RowKey}` lacks `InputSchema`"),
            Parameters = [.. stored.Select(p => new ToolParameter { Name = p.Name, In = Location(p.In) })],
            BodyProperty = row.GetString("BodyProperty"),
            OutputRules = TableLargeValue.Read(row, "OutputRules"),
            AuditArguments = row.GetBoolean("AuditArguments") ?? false,
            Tags = row.GetString("Tags") is { } tags ? JsonSerializer.Deserialize(tags, AzureStorageJsonContext.Default.StringArray) ?? [] : [],
            Risk = row.GetString("Risk"),
            CreatedAt = row.GetDateTime("CreatedAt")!.Value,
            UpdatedAt = row.GetDateTime("UpdatedAt")!.Value,
        };
    }

    private static string Required(TableEntity row, string name) =>
        row.GetString(name) ?? throw new InvalidDataException($"stored catalog row `{row.RowKey}` lacks `{name}`");

    private static ParameterLocation Location(string text) =>
        CatalogWireNames.TryParseLocation(text, out var location) ? location : throw new InvalidDataException($"unknown stored parameter location `{text}`");
}
