using System.Globalization;

namespace Dome.Storage.Azure.Tables;

/// <summary>
/// A Table Storage entity: its keys, the service's ETag and timestamp when read, and typed properties. A property
/// holds a <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="DateTimeOffset"/>, <see cref="Guid"/> or <see cref="byte"/> array (the Edm types of the service);
/// a null value removes the property from the written entity.
/// </summary>
internal sealed class TableEntity
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        TableKey.Validate(partitionKey, nameof(PartitionKey));
        TableKey.Validate(rowKey, nameof(RowKey));
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    /// <summary>The version the service gave the entity (set on entities read from the service).</summary>
    public string? ETag { get; init; }

    /// <summary>When the service last changed the entity (set on entities read from the service).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    public IReadOnlyDictionary<string, object> Properties => _properties;

    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(name);
        set
        {
            if (value is null)
            {
                _properties.Remove(name);
                return;
            }

            _properties[name] = Normalize(name, value);
        }
    }

    public string? GetString(string name) => this[name] switch
    {
        null => null,
        string s => s,
        var other => throw WrongType(name, other, "string"),
    };

    public long? GetInt64(string name) => this[name] switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => throw WrongType(name, other, "Edm.Int64"),
    };

    public int? GetInt32(string name) => this[name] switch
    {
        null => null,
        int i => i,
        var other => throw WrongType(name, other, "Edm.Int32"),
    };

    public bool? GetBoolean(string name) => this[name] switch
    {
        null => null,
        bool b => b,
        var other => throw WrongType(name, other, "Edm.Boolean"),
    };

    public double? GetDouble(string name) => this[name] switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var other => throw WrongType(name, other, "Edm.Double"),
    };

    public DateTimeOffset? GetDateTime(string name) => this[name] switch
    {
        null => null,
        DateTimeOffset d => d,
        var other => throw WrongType(name, other, "Edm.DateTime"),
    };

    public Guid? GetGuid(string name) => this[name] switch
    {
        null => null,
        Guid g => g,
        var other => throw WrongType(name, other, "Edm.Guid"),
    };

    public byte[]? GetBinary(string name) => this[name] switch
    {
        null => null,
        byte[] b => b,
        var other => throw WrongType(name, other, "Edm.Binary"),
    };

    /// <summary>A copy with the same keys and properties and another ETag (for instance the one a write returned).</summary>
    public TableEntity WithETag(string? etag)
    {
        var copy = new TableEntity(PartitionKey, RowKey) { ETag = etag, Timestamp = Timestamp };
        foreach (var (name, value) in _properties)
        {
            copy._properties[name] = value;
        }

        return copy;
    }

    private static object Normalize(string name, object value)
    {
        TableEntityLimits.ValidatePropertyName(name);
        return value switch
        {
            string or bool or int or long or double or Guid or byte[] => value,
            DateTimeOffset d => d.ToUniversalTime(),
            DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
            _ => throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"property `{name}` has type `{value.GetType().Name}`, which Table Storage cannot hold"),
                nameof(value)),
        };
    }

    private InvalidOperationException WrongType(string name, object value, string expected) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"property `{name}` of entity `{PartitionKey}`/`{RowKey}` is a `{value.GetType().Name}`, not an {expected}"));
}
