using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Dome.Gateway.Output;

/// <summary>The walk: decide each node from the path states it has reached, then write it.</summary>
internal sealed partial class JsonRedactor
{
    /// <summary>Writes the node whose states are <c>states[from..to)</c>, or returns <see cref="NodeAction.Drop"/>.</summary>
    private NodeAction Decide(JsonElement element, int from, int to)
    {
        var redact = false;
        for (var i = from; i < to; i++)
        {
            var path = PathOf(states[i]);
            if (StepOf(states[i]) != paths[path].Length)
            {
                continue;
            }

            if (path >= paths.RedactionCount)
            {
                if (paths.Drop(path).Matches(element))
                {
                    counts.Add(RedactionKind.Record);
                    return NodeAction.Drop;
                }
            }
            else
            {
                redact = true;
            }
        }

        if (redact)
        {
            counts.Add(RedactionKind.Field);
            writer.WriteStringValue(RedactedValue);
            return NodeAction.Written;
        }

        WriteNode(element, from, to);
        return NodeAction.Written;
    }

    private void WriteNode(JsonElement element, int from, int to)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when from < to || detectors != DetectorSet.None:
                WriteObject(element, from, to);
                break;
            case JsonValueKind.Array when from < to || detectors != DetectorSet.None:
                WriteArray(element, from, to);
                break;
            case JsonValueKind.String when detectors != DetectorSet.None:
                WriteString(element);
                break;
            case JsonValueKind.Number when (detectors & DetectorSet.Card) != 0:
                WriteNumber(element);
                break;
            default:
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(element), skipInputValidation: true);
                break;
        }
    }

    private void WriteObject(JsonElement element, int from, int to)
    {
        writer.WriteStartObject();
        foreach (var property in element.EnumerateObject())
        {
            var childFrom = top;
            for (var i = from; i < to; i++)
            {
                Advance(states[i], property, -1, childFrom);
            }

            var value = property.Value;
            var childTo = top;
            if (!DropsChild(value, childFrom, childTo))
            {
                WriteName(property);
                if ((detectors & DetectorSet.Credential) != 0 && value.ValueKind == JsonValueKind.String
                    && !RedactsChild(childFrom, childTo) && CredentialNames.IsCredential(Unquoted(JsonMarshal.GetRawUtf8PropertyName(property)))
                    && value.ValueEquals(string.Empty) is false)
                {
                    counts.Add(RedactionKind.Credential);
                    writer.WriteStringValue(SensitiveText.Marker(RedactionKind.Credential));
                }
                else
                {
                    Decide(value, childFrom, childTo);
                }
            }

            top = childFrom;
        }

        writer.WriteEndObject();
    }

    private void WriteArray(JsonElement element, int from, int to)
    {
        writer.WriteStartArray();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var childFrom = top;
            for (var i = from; i < to; i++)
            {
                Advance(states[i], default, index, childFrom);
            }

            var childTo = top;
            if (!DropsChild(item, childFrom, childTo))
            {
                Decide(item, childFrom, childTo);
            }

            top = childFrom;
            index++;
        }

        writer.WriteEndArray();
    }

    /// <summary>Pushes the states a child reaches from one state of its parent (a member when index is -1, else an element).</summary>
    private void Advance(int state, JsonProperty property, int index, int childFrom)
    {
        var path = PathOf(state);
        var step = StepOf(state);
        var segments = paths[path];
        if (step >= segments.Length)
        {
            return;
        }

        var segment = segments[step];
        switch (segment.Kind)
        {
            case PathSegmentKind.Property when index < 0 && NameIs(property, segment):
            case PathSegmentKind.Index when index == segment.Index:
            case PathSegmentKind.Any:
                Push(State(path, step + 1), childFrom);
                break;
            case PathSegmentKind.Descendant:
                Push(state, childFrom);
                if (index < 0 && NameIs(property, segment))
                {
                    Push(State(path, step + 1), childFrom);
                }

                break;
            case PathSegmentKind.AnyDescendant:
                Push(state, childFrom);
                Push(State(path, step + 1), childFrom);
                break;
        }
    }

    private static bool NameIs(JsonProperty property, PathSegment segment) =>
        segment.Utf8Name is { } utf8 ? property.NameEquals(utf8) : property.NameEquals(segment.Name);

    /// <summary>True when a drop rule selects this child and its predicate holds (counted here).</summary>
    private bool DropsChild(JsonElement child, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var path = PathOf(states[i]);
            if (path >= paths.RedactionCount && StepOf(states[i]) == paths[path].Length && paths.Drop(path).Matches(child))
            {
                counts.Add(RedactionKind.Record);
                return true;
            }
        }

        return false;
    }

    private bool RedactsChild(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var path = PathOf(states[i]);
            if (path < paths.RedactionCount && StepOf(states[i]) == paths[path].Length)
            {
                return true;
            }
        }

        return false;
    }

    private void WriteName(JsonProperty property)
    {
        var raw = Unquoted(JsonMarshal.GetRawUtf8PropertyName(property));
        var escaped = raw.IndexOf((byte)'\\') >= 0;
        var name = escaped ? Encoding.UTF8.GetBytes(property.Name) : raw;
        if (detectors != DetectorSet.None)
        {
            filtered.Clear();
            if (SensitiveText.Redact(name, detectors, ref counts, filtered))
            {
                writer.WritePropertyName(filtered.WrittenSpan);
                return;
            }
        }

        writer.WritePropertyName(name);
    }

    private void WriteString(JsonElement element)
    {
        var text = Utf8Of(element, out _);
        filtered.Clear();
        if (SensitiveText.Redact(text, detectors, ref counts, filtered))
        {
            writer.WriteStringValue(filtered.WrittenSpan);
        }
        else
        {
            writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(element), skipInputValidation: true);
        }
    }

    /// <summary>A card number written as a JSON number is replaced by the marker string.</summary>
    private void WriteNumber(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length is >= 13 and <= 19 && raw.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && CardNumbers.IsKnownIssuer(raw) && CardNumbers.PassesLuhn(raw))
        {
            counts.Add(RedactionKind.Card);
            writer.WriteStringValue(SensitiveText.Marker(RedactionKind.Card));
            return;
        }

        writer.WriteRawValue(raw, skipInputValidation: true);
    }
}
