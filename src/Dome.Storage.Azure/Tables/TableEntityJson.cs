using System.Globalization;
using System.Text.Json;

namespace Dome.Storage.Azure.Tables;

/// <summary>
/// Entities as the Table service's JSON: strings, booleans, Int32 and Double as JSON values; Int64, DateTime, Guid
/// and Binary as strings with an <c>@odata.type</c> annotation (and Double when its value would read as an integer).
/// </summary>
internal static class TableEntityJson
{
    private const string Annotation = "@odata.type";

    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            switch (value)
            {
                case string s:
                    writer.WriteString(name, s);
                    break;
                case bool b:
                    writer.WriteBoolean(name, b);
                    break;
                case int i:
                    writer.WriteNumber(name, i);
                    break;
                case long l:
                    writer.WriteString(name + Annotation, "Edm.Int64");
                    writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                    break;
                case double d:
                    writer.WriteString(name + Annotation, "Edm.Double");
                    if (double.IsFinite(d))
                    {
                        writer.WriteNumber(name, d);
                    }
                    else
                    {
                        writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                    }

                    break;
                case DateTimeOffset d:
                    writer.WriteString(name + Annotation, "Edm.DateTime");
                    writer.WriteString(name, d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                    break;
                case Guid g:
                    writer.WriteString(name + Annotation, "Edm.Guid");
                    writer.WriteString(name, g.ToString("D"));
                    break;
                case byte[] bytes:
                    writer.WriteString(name + Annotation, "Edm.Binary");
                    writer.WriteBase64String(name, bytes);
                    break;
            }
        }

        writer.WriteEndObject();
    }

    public static byte[] Serialize(TableEntity entity)
    {
        TableEntityLimits.Validate(entity);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return buffer.ToArray();
    }

    /// <summary>An entity from a JSON object of a response (minimal or full metadata).</summary>
    public static TableEntity Read(JsonElement element, string? etag = null)
    {
        string? partitionKey = null;
        string? rowKey = null;
        DateTimeOffset? timestamp = null;
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "PartitionKey":
                    partitionKey = property.Value.GetString();
                    break;
                case "RowKey":
                    rowKey = property.Value.GetString();
                    break;
                case "odata.etag":
                    etag ??= property.Value.GetString();
                    break;
                case "Timestamp":
                    timestamp = DateTimeOffset.Parse(property.Value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    break;
                default:
                    if (property.Name.EndsWith(Annotation, StringComparison.Ordinal))
                    {
                        types[property.Name[..^Annotation.Length]] = property.Value.GetString() ?? string.Empty;
                    }

                    break;
            }
        }

        if (partitionKey is null || rowKey is null)
        {
            throw new FormatException("a table entity in the response lacks PartitionKey or RowKey");
        }

        var entity = new TableEntity(partitionKey, rowKey) { ETag = etag, Timestamp = timestamp };
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            entity[name] = ReadValue(name, property.Value, types.GetValueOrDefault(name));
        }

        return entity;
    }

    private static object? ReadValue(string name, JsonElement value, string? type)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return type switch
        {
            "Edm.Int64" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
            "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : (object)value.GetInt32(),
            "Edm.Double" => value.ValueKind == JsonValueKind.String
                ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
                : (object)value.GetDouble(),
            "Edm.DateTime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            "Edm.Guid" => Guid.Parse(value.GetString()!),
            "Edm.Binary" => value.GetBytesFromBase64(),
            "Edm.Boolean" => value.GetBoolean(),
            "Edm.String" or null => value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => value.TryGetInt32(out var i) ? (object)i : value.GetDouble(),
                _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"table property `{name}` has an unexpected JSON {value.ValueKind}")),
            },
            _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"table property `{name}` has unknown type `{type}`")),
        };
    }
}
