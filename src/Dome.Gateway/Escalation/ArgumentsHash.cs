using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Dome.Gateway.Escalation;

/// <summary>
/// SHA-256 of the arguments' canonical JSON (object members sorted by ordinal name, no whitespace, numbers as
/// written, strings re-escaped by one encoder): the same arguments in another member order hash the same,
/// any changed value hashes differently.
/// </summary>
internal static class ArgumentsHash
{
    public static string Of(JsonElement arguments)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, arguments);
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in value.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(member.Name);
                    Write(writer, member.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
