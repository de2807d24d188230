namespace Dome.Cedar.Json;

/// <summary>A template link: <c>{"templateId", "newId", "values": {"?principal": entity, ...}}</c>.</summary>
internal sealed record EstTemplateLink
{
    public required string TemplateId { get; init; }

    public required string NewId { get; init; }

    /// <summary>Slot (<c>?principal</c> / <c>?resource</c>) to entity, in source order.</summary>
    public required IReadOnlyList<KeyValuePair<string, EstEntityRef>> Values { get; init; }
}
