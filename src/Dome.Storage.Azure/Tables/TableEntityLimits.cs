using System.Globalization;
using System.Text;

namespace Dome.Storage.Azure.Tables;

/// <summary>
/// The service's limits on entities, checked before a request is sent so an oversized write fails with a clear
/// message instead of a 400 from the service: a property value holds at most 64 KiB (a string at most 32 Ki UTF-16
/// characters), an entity at most 1 MiB and 252 properties of its own, a property name at most 255 characters, a date
/// no earlier than 1601-01-01.
/// Values larger than a property are split across properties by <see cref="TableLargeValue"/>.
/// </summary>
internal static class TableEntityLimits
{
    public const int MaxPropertyBytes = 64 * 1024;

    public const int MaxStringChars = MaxPropertyBytes / 2;

    public const int MaxEntityBytes = 1024 * 1024;

    public const int MaxProperties = 252;

    public const int MaxPropertyNameLength = 255;

    /// <summary>The earliest Edm.DateTime the service stores.</summary>
    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void ValidatePropertyName(string name, bool allowSystem = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var valid = name.Length <= MaxPropertyNameLength && (char.IsAsciiLetter(name[0]) || name[0] == '_');
        foreach (var c in name)
        {
            valid &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        if (!valid)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"`{name}` is not a table property name (letters, digits and `_`, starting with a letter or `_`, at most 255)"),
                nameof(name));
        }

        if (!allowSystem && name is "PartitionKey" or "RowKey" or "Timestamp" or "ETag")
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"`{name}` is a system property; set it through the entity"), nameof(name));
        }
    }

    /// <summary>Throws when the service would refuse the entity for its size.</summary>
    public static void Validate(TableEntity entity)
    {
        if (entity.Properties.Count > MaxProperties)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"entity `{entity.PartitionKey}`/`{entity.RowKey}` has {entity.Properties.Count} properties; an entity holds at most {MaxProperties}"));
        }

        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2L);
        foreach (var (name, value) in entity.Properties)
        {
            var valueBytes = value switch
            {
                string s => (s.Length * 2L) + 4,
                byte[] b => b.Length + 4L,
                bool => 1,
                int => 4,
                long or double or DateTimeOffset => 8,
                Guid => 16,
                _ => 0,
            };
            if (value is DateTimeOffset date && date < MinDateTime)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"property `{name}` of entity `{entity.PartitionKey}`/`{entity.RowKey}` is before 1601-01-01, the earliest date table storage holds"));
            }

            if (valueBytes - 4 > MaxPropertyBytes)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"property `{name}` of entity `{entity.PartitionKey}`/`{entity.RowKey}` is {valueBytes - 4} bytes; a table property holds at most {MaxPropertyBytes} (split it with TableLargeValue)"));
            }

            size += 8 + (name.Length * 2L) + valueBytes;
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"entity `{entity.PartitionKey}`/`{entity.RowKey}` is {size} bytes; a table entity holds at most {MaxEntityBytes}"));
        }
    }

    /// <summary>The UTF-8 size of a string, for callers that budget a batch (4 MiB per request).</summary>
    public static int Utf8Bytes(string value) => Encoding.UTF8.GetByteCount(value);
}
