using System.Globalization;

namespace Dome.Storage.Azure.Tables;

/// <summary>
/// Stores a string too large for one property across numbered properties of one entity (<c>Name</c>, <c>Name_1</c>,
/// <c>Name_2</c>, … each at most 32 Ki characters) and reads it back. The entity's 1 MiB limit still holds: a value
/// past <see cref="MaxChars"/> is refused with a clear message rather than truncated.
/// </summary>
internal static class TableLargeValue
{
    /// <summary>The most characters one entity can carry this way, leaving room for keys and a few small properties.</summary>
    public const int MaxChars = 15 * TableEntityLimits.MaxStringChars;

    public static void Write(TableEntity entity, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxChars)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"property `{name}` of entity `{entity.PartitionKey}`/`{entity.RowKey}` is {value.Length} characters; a table entity holds at most {MaxChars}"));
        }

        var chunks = Math.Max(1, (value.Length + TableEntityLimits.MaxStringChars - 1) / TableEntityLimits.MaxStringChars);
        for (var i = 0; i < chunks; i++)
        {
            var start = i * TableEntityLimits.MaxStringChars;
            var length = Math.Min(TableEntityLimits.MaxStringChars, value.Length - start);
            entity[ChunkName(name, i)] = value.Substring(start, length);
        }

        entity[name + "_n"] = chunks;
    }

    /// <summary>The value <see cref="Write"/> stored, or null when the entity has none.</summary>
    public static string? Read(TableEntity entity, string name)
    {
        var chunks = entity.GetInt32(name + "_n");
        if (chunks is null)
        {
            return entity.GetString(name);
        }

        var parts = new string[chunks.Value];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = entity.GetString(ChunkName(name, i))
                ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"entity `{entity.PartitionKey}`/`{entity.RowKey}` lacks part {i} of property `{name}`"));
        }

        return string.Concat(parts);
    }

    private static string ChunkName(string name, int index) =>
        index == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}_{index}");
}
