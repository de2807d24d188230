using System.Text.Json;
using Dome.Cedar.Entities;
using Dome.Cedar.Evaluation;

namespace Dome.Cedar;

/// <summary>An authorization request: who (principal) does what (action) to what (resource), in which context.</summary>
public sealed class Request
{
    /// <summary>Creates a request; <paramref name="context"/> defaults to the empty record.</summary>
    public Request(EntityUid principal, EntityUid action, EntityUid resource, RecordValue? context = null)
    {
        Principal = principal ?? throw new ArgumentNullException(nameof(principal));
        Action = action ?? throw new ArgumentNullException(nameof(action));
        Resource = resource ?? throw new ArgumentNullException(nameof(resource));
        Context = context ?? RecordValue.Empty;
        PrincipalValue = new EntityValue(principal);
        ActionValue = new EntityValue(action);
        ResourceValue = new EntityValue(resource);
    }

    /// <summary>The principal's uid.</summary>
    public EntityUid Principal { get; }

    /// <summary>The action's uid.</summary>
    public EntityUid Action { get; }

    /// <summary>The resource's uid.</summary>
    public EntityUid Resource { get; }

    /// <summary>The context record.</summary>
    public RecordValue Context { get; }

    internal EntityValue PrincipalValue { get; }

    internal EntityValue ActionValue { get; }

    internal EntityValue ResourceValue { get; }

    /// <summary>Reads a context JSON object (values as in entity attributes, with `__entity` / `__extn` escapes).</summary>
    /// <exception cref="CedarParseException">The JSON is malformed or not a record.</exception>
    public static RecordValue ParseContext(string json) => ParseContext(json, null);

    internal static RecordValue ParseContext(string json, ValueShape? shape)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = JsonValueReader.MaxDepth + 16 });
            return ParseContext(document.RootElement, shape);
        }
        catch (JsonException e)
        {
            throw new CedarParseException($"context is not valid JSON: {e.Message}");
        }
    }

    internal static RecordValue ParseContext(JsonElement json, ValueShape? shape)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new CedarParseException("context must be a JSON object");
        }

        return JsonValueReader.Read(json, shape, "in context") as RecordValue
            ?? throw new CedarParseException("context must be a record, not an entity or extension value");
    }
}
