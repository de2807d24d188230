using System.Text.Json;

namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>Writes random Cedar values in the entity/context JSON format, mostly of the wanted type.</summary>
internal sealed class ValueWriter(Random random)
{
    private static readonly ValueKind[] AllKinds = Enum.GetValues<ValueKind>();

    /// <summary>Chance (percent) that a value has another type than its attribute usually has.</summary>
    public int WrongTypePercent { get; init; } = 8;

    /// <summary>Chance (percent) that an extension value's text is invalid.</summary>
    public int InvalidExtensionPercent { get; init; } = 0;

    public void Write(Utf8JsonWriter writer, ValueKind kind, int depth = 2)
    {
        if (random.Next(100) < WrongTypePercent)
        {
            kind = AllKinds[random.Next(AllKinds.Length)];
        }

        switch (kind)
        {
            case ValueKind.Bool:
                writer.WriteBooleanValue(random.Next(2) == 0);
                break;
            case ValueKind.Long:
                writer.WriteNumberValue(LongValue());
                break;
            case ValueKind.String:
                writer.WriteStringValue(Pick(Universe.Strings));
                break;
            case ValueKind.Entity:
                if (random.Next(100) < 5)
                {
                    // Without a schema this is a record with `type` and `id`, not an entity.
                    WriteUid(writer, RandomEntity());
                }
                else
                {
                    WriteEntity(writer, RandomEntity());
                }

                break;
            case ValueKind.Set:
                WriteSet(writer, depth);
                break;
            case ValueKind.Record:
                WriteRecord(writer, depth);
                break;
            case ValueKind.Decimal:
                WriteExtension(writer, "decimal", Universe.DecimalTexts, Universe.ValidDecimals);
                break;
            case ValueKind.IpAddr:
                WriteExtension(writer, "ip", Universe.IpTexts, Universe.ValidIps);
                break;
            case ValueKind.Datetime:
                WriteExtension(writer, "datetime", Universe.DatetimeTexts, Universe.ValidDatetimes);
                break;
            case ValueKind.Duration:
                WriteExtension(writer, "duration", Universe.DurationTexts, Universe.ValidDurations);
                break;
        }
    }

    public static void WriteEntity(Utf8JsonWriter writer, EntityRef entity)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("__entity");
        writer.WriteString("type", entity.Type);
        writer.WriteString("id", entity.Id);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>A uid as `{"type", "id"}`, or (<paramref name="escaped"/>) as `{"__entity": {"type", "id"}}`.</summary>
    public static void WriteUid(Utf8JsonWriter writer, EntityRef entity, bool escaped)
    {
        if (escaped)
        {
            WriteEntity(writer, entity);
        }
        else
        {
            WriteUid(writer, entity);
        }
    }

    public static void WriteUid(Utf8JsonWriter writer, EntityRef entity)
    {
        writer.WriteStartObject();
        writer.WriteString("type", entity.Type);
        writer.WriteString("id", entity.Id);
        writer.WriteEndObject();
    }

    /// <summary>A record with a random subset of the attribute vocabulary.</summary>
    public void WriteAttributes(Utf8JsonWriter writer, int depth, int percentEach)
    {
        writer.WriteStartObject();
        foreach (var (name, kind) in Universe.Attributes)
        {
            if (random.Next(100) < percentEach)
            {
                writer.WritePropertyName(name);
                if (kind == ValueKind.Datetime && random.Next(100) < 5)
                {
                    WriteOffsetCall(writer);
                }
                else
                {
                    Write(writer, kind, depth);
                }
            }
        }

        writer.WriteEndObject();
    }

    public EntityRef RandomEntity()
    {
        string[] types = [.. Universe.PrincipalTypes, .. Universe.ResourceTypes];
        var type = Pick(types);
        return new EntityRef(type, Pick(Universe.Ids[type]));
    }

    private long LongValue() =>
        random.Next(12) switch
        {
            0 => long.MaxValue,
            1 => long.MinValue,
            2 => 9007199254740993L,
            3 => -9007199254740993L,
            4 => random.NextInt64(long.MinValue, long.MaxValue),
            _ => random.Next(-5, 40),
        };

    private void WriteSet(Utf8JsonWriter writer, int depth)
    {
        writer.WriteStartArray();
        var count = random.Next(4);
        var element = random.Next(3) switch { 0 => ValueKind.String, 1 => ValueKind.Long, _ => ValueKind.Entity };
        for (var i = 0; i < count; i++)
        {
            Write(writer, depth > 0 ? element : ValueKind.Long, depth - 1);
        }

        writer.WriteEndArray();
    }

    private void WriteRecord(Utf8JsonWriter writer, int depth)
    {
        writer.WriteStartObject();
        foreach (var (name, kind) in Universe.InfoFields)
        {
            if (random.Next(100) < 70)
            {
                writer.WritePropertyName(name);
                Write(writer, depth > 0 ? kind : ValueKind.Long, depth - 1);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>An extension value; the first <paramref name="validCount"/> texts of the pool are valid.</summary>
    private void WriteExtension(Utf8JsonWriter writer, string function, string[] texts, int validCount)
    {
        var invalid = random.Next(100) < InvalidExtensionPercent;
        var text = invalid ? texts[random.Next(texts.Length)] : texts[random.Next(Math.Min(validCount, texts.Length))];
        writer.WriteStartObject();
        writer.WriteStartObject("__extn");
        writer.WriteString("fn", function);
        if (random.Next(100) < 10)
        {
            writer.WriteStartArray("args");
            writer.WriteStringValue(text);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString("arg", text);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>`datetime.offset(duration)` as a multi-argument `__extn` escape.</summary>
    public void WriteOffsetCall(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("__extn");
        writer.WriteString("fn", "offset");
        writer.WriteStartArray("args");
        WriteExtension(writer, "datetime", Universe.DatetimeTexts, Universe.ValidDatetimes);
        WriteExtension(writer, "duration", Universe.DurationTexts, Universe.ValidDurations);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
